package io.peregrine.capture.framing;

import io.peregrine.protocol.frame.Frame;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Takes frames off the queue and sends them, on its own thread. It stamps each frame with the
 * sequence number and the loss since the previous sent frame (queue drops and failed sends), so
 * every lost event is reported exactly once, in the first frame that gets through.
 */
public final class FramePublisher implements Runnable {

    private static final Logger LOG = Logger.getLogger(FramePublisher.class);

    private final FrameQueue queue;
    private final FrameSink sink;
    private volatile boolean running = true;
    private volatile boolean drained;
    private long sequence;
    private long pendingLost;
    /** Events of the stream accounted for in sent frames, delivered or reported lost. */
    private long accounted;

    private final LongAdder framesSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder eventsSent = new LongAdder();
    private final AtomicLong eventsLost = new AtomicLong();
    private final LongAdder sendFailures = new LongAdder();
    private final LongAdder publishNanos = new LongAdder();

    private volatile FrameTap tap = FrameTap.NONE;
    private volatile java.util.function.LongConsumer latency = nanos -> { };

    public FramePublisher(FrameQueue queue, FrameSink sink) {
        this.queue = queue;
        this.sink = sink;
    }

    /** Receives the time each successful send took (the publish latency histogram). */
    public void latency(java.util.function.LongConsumer observer) {
        this.latency = observer;
    }

    public void tap(FrameTap tap) {
        this.tap = tap == null ? FrameTap.NONE : tap;
    }

    @Override
    public void run() {
        try {
            while (running || queue.depth() > 0) {
                byte[] frame = queue.poll(50);
                if (frame != null) {
                    publish(frame);
                    tap.onFrame(frame);
                } else {
                    tap.onIdle();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            drained = true;
        }
    }

    private void publish(byte[] frame) {
        long lostNow = queue.takeDroppedEvents();
        eventsLost.addAndGet(lostNow);
        pendingLost += lostNow;
        Frame.stamp(frame, sequence + 1, pendingLost, accounted);
        long lost = Frame.lost(frame);
        int count = Frame.count(frame);
        long t0 = System.nanoTime();
        try {
            sink.send(frame);
        } catch (Exception e) {
            // The frame did not get out: its events are lost, and so is its report of earlier loss,
            // which moves on to the next frame.
            eventsLost.addAndGet(count);
            pendingLost = lost + count;
            sendFailures.increment();
            if (sendFailures.sum() % 1000 == 1) {
                LOG.warnf("Cannot send frames (%s); counting their events as lost", e.toString());
            }
            return;
        }
        long took = System.nanoTime() - t0;
        publishNanos.add(took);
        latency.accept(took);
        sequence++;
        accounted += lost + count;
        pendingLost = 0;
        framesSent.increment();
        bytesSent.add(frame.length);
        eventsSent.add(count);
    }

    /** Stops after the frames already queued have been sent (or failed). */
    public void stop() {
        running = false;
    }

    public boolean drained() {
        return drained;
    }

    public long framesSent() {
        return framesSent.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    public long eventsSent() {
        return eventsSent.sum();
    }

    /** Events lost between the reader and NATS: queue drops and failed sends. */
    public long eventsLost() {
        return eventsLost.get();
    }

    public long sendFailures() {
        return sendFailures.sum();
    }

    public long publishNanos() {
        return publishNanos.sum();
    }
}
