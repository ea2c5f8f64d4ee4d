package io.peregrine.capture.framing;

import io.peregrine.driver.source.EventConsumer;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.frame.Frame;
import io.peregrine.protocol.frame.FrameEncoder;
import io.peregrine.protocol.frame.FrameKind;

import java.util.UUID;

/**
 * Batches events into frames on the reader thread: each event's bytes are copied once, from the
 * source's memory into the frame buffer. A frame is closed when it reaches its size bound, when its
 * first event is older than the time bound, or at the end of the stream.
 */
public final class Framer implements EventConsumer {

    private final FrameEncoder encoder;
    private final FrameQueue queue;
    private final int maxBytes;
    private final long maxNanos;
    private final boolean lossless;
    private long openedAt;
    private long kernelLostReported;
    private long kernelLost;
    private final long[] countsByType = new long[1 << 16];

    /**
     * @param lossless wait for room in the queue instead of dropping (replays: the source can wait)
     */
    public Framer(String node, UUID bootId, FrameQueue queue, int maxBytes, long maxMillis, boolean lossless) {
        this.encoder = new FrameEncoder(FrameKind.RAW_EVENTS, node, bootId, maxBytes + 4096);
        this.queue = queue;
        this.maxBytes = maxBytes;
        this.maxNanos = maxMillis * 1_000_000L;
        this.lossless = lossless;
    }

    @Override
    public void accept(EventRecord event) {
        int len = event.len();
        if (encoder.size() + len > maxBytes && !encoder.isEmpty()) {
            flush(0);
        }
        if (encoder.isEmpty()) {
            openedAt = System.nanoTime();
        }
        encoder.add(event.segment(), event.offset(), len, event.ts());
        countsByType[event.type() & 0xffff]++;
    }

    /** The source's own loss counter (kernel drops), reported in the next frame. */
    public void kernelLost(long total) {
        this.kernelLost = total;
    }

    /** Closes the frame if its time bound has passed; called when the source is idle and between batches. */
    public void flushIfDue() {
        if (!encoder.isEmpty() && System.nanoTime() - openedAt >= maxNanos) {
            flush(0);
        }
    }

    /** Closes the current frame, if any, and marks the end of the stream. */
    public void endOfStream() {
        flush(Frame.FLAG_END_OF_STREAM);
    }

    public void flush(int flags) {
        if (encoder.isEmpty() && flags == 0) {
            return;
        }
        long lost = kernelLost - kernelLostReported;
        kernelLostReported = kernelLost;
        byte[] frame = encoder.finish(lost, flags);
        if (lossless) {
            try {
                queue.put(frame);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queue.offer(frame);
            }
        } else {
            queue.offer(frame);
        }
    }

    /** Events framed so far, by event type code (for the per-type metric). */
    public long count(int type) {
        return countsByType[type & 0xffff];
    }
}
