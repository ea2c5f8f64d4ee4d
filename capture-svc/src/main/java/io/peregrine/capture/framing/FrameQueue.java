package io.peregrine.capture.framing;

import io.peregrine.protocol.frame.Frame;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded hand-over between the reader thread and the publisher: the reader never waits on
 * NATS. When the queue is full the frame is dropped and its events are counted as lost; the next
 * frame that is sent reports them.
 */
public final class FrameQueue {

    private final ArrayBlockingQueue<byte[]> frames;
    private final AtomicLong droppedEvents = new AtomicLong();
    private final AtomicLong droppedFrames = new AtomicLong();

    public FrameQueue(int capacity) {
        this.frames = new ArrayBlockingQueue<>(capacity);
    }

    /** Never blocks. Returns false when the frame was dropped. */
    public boolean offer(byte[] frame) {
        if (frames.offer(frame)) {
            return true;
        }
        droppedFrames.incrementAndGet();
        droppedEvents.addAndGet(Frame.count(frame));
        return false;
    }

    /**
     * Like {@link #offer} but waits for room: for replays, where the source can wait and losing
     * events would only make the replay wrong.
     */
    public void put(byte[] frame) throws InterruptedException {
        frames.put(frame);
    }

    byte[] poll(long timeoutMillis) throws InterruptedException {
        return frames.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Events dropped since the last call; the publisher adds them to the next frame's loss. */
    long takeDroppedEvents() {
        return droppedEvents.getAndSet(0);
    }

    public long droppedFrames() {
        return droppedFrames.get();
    }

    public int depth() {
        return frames.size();
    }

    public int capacity() {
        return frames.size() + frames.remainingCapacity();
    }
}
