package io.peregrine.capture.pipeline;

import io.peregrine.capture.framing.FramePublisher;
import io.peregrine.capture.framing.FrameQueue;
import io.peregrine.capture.framing.FrameSink;
import io.peregrine.capture.framing.Framer;
import io.peregrine.driver.proc.SeedRecords;
import io.peregrine.driver.source.EventConsumer;
import io.peregrine.protocol.event.EventRecord;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Source → framer → bounded queue → publisher. The reader thread only reads and frames; the
 * publisher thread only sends. A source that ends (a replay) closes with an end-of-stream frame, so whoever reads
 * the subject knows when everything of a replay has been sent.
 */
public final class CapturePipeline implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CapturePipeline.class);
    private static final int BATCH = 4096;

    public enum State { STARTING, RUNNING, FINISHED, FAILED, STOPPED }

    private final CaptureSource source;
    private final Framer framer;
    private final FrameQueue queue;
    private final FramePublisher publisher;
    private final Pacer pacer;
    private final Thread reader;
    private final Thread sender;
    private volatile State state = State.STARTING;
    private volatile String failure;
    private volatile boolean stopping;
    /** Seed events from other threads (account changes), delivered by the reader in stream order. */
    private final java.util.concurrent.ConcurrentLinkedQueue<SeedRecords> injected = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public CapturePipeline(CaptureSource source, FrameSink sink, String node, UUID bootId,
                           int frameBytes, long frameMillis, int queueFrames, double speed) {
        this.source = source;
        this.queue = new FrameQueue(queueFrames);
        this.framer = new Framer(node, bootId, queue, frameBytes, frameMillis, source.finite());
        this.publisher = new FramePublisher(queue, sink);
        this.pacer = new Pacer(speed);
        this.reader = Thread.ofPlatform().name("capture-reader").daemon().unstarted(this::read);
        this.sender = Thread.ofPlatform().name("capture-publisher").daemon().unstarted(publisher);
    }

    public CapturePipeline start() {
        sender.start();
        reader.start();
        return this;
    }

    private void read() {
        state = State.RUNNING;
        EventConsumer consumer = pacer.paced() ? this::paced : framer;
        int idle = 0;
        try {
            while (!stopping) {
                for (SeedRecords seeds; (seeds = injected.poll()) != null; ) {
                    seeds.deliver(framer, Integer.MAX_VALUE);
                }
                int n = source.events().poll(consumer, BATCH);
                if (n < 0) {
                    break;
                }
                framer.kernelLost(source.kernelLost());
                framer.flushIfDue();
                if (n == 0) {
                    // Spin briefly, then park: low latency under load, no burnt core when idle.
                    if (++idle > 100) {
                        LockSupport.parkNanos(Math.min(1_000_000L, 10_000L * (idle - 100)));
                    } else {
                        Thread.onSpinWait();
                    }
                } else {
                    idle = 0;
                }
            }
            state = stopping ? State.STOPPED : State.FINISHED;
        } catch (Exception e) {
            failure = e.getMessage();
            state = State.FAILED;
            LOG.errorf("Capture from %s stopped: %s", source.description(), e.getMessage());
        } finally {
            if (state == State.STOPPED) {
                framer.flush(0);
            } else {
                framer.endOfStream(); // the source ended (or failed): nothing more will come
            }
            publisher.stop();
        }
    }

    private void paced(EventRecord event) {
        long wait = pacer.delayFor(event.ts());
        if (wait > 0) {
            framer.flush(0); // what is due is sent before the pause
            Pacer.sleep(wait);
        }
        framer.accept(event);
    }

    /** Adds seed events to the stream, between two batches of the source (thread-safe). */
    public void inject(SeedRecords seeds) {
        injected.add(seeds);
    }

    /** Waits until the reader has finished and every queued frame has been sent or counted. */
    public boolean awaitFinished(long millis) throws InterruptedException {
        reader.join(millis);
        sender.join(Math.max(1, millis));
        return !reader.isAlive() && publisher.drained();
    }

    public State state() {
        return state;
    }

    public String failure() {
        return failure;
    }

    public CaptureSource source() {
        return source;
    }

    public FramePublisher publisher() {
        return publisher;
    }

    public FrameQueue queue() {
        return queue;
    }

    public Framer framer() {
        return framer;
    }

    @Override
    public void close() throws Exception {
        stopping = true;
        reader.interrupt(); // a paced replay may be parked until its next event is due
        reader.join(5000);
        sender.join(5000);
        source.close();
    }
}
