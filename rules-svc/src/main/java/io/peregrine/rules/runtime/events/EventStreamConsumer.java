package io.peregrine.rules.runtime.events;

import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumer;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.peregrine.protocol.Subjects;
import io.peregrine.kit.nats.JetStreamReadiness;
import io.peregrine.kit.nats.JetStreams;
import io.peregrine.kit.nats.NatsClient;
import io.peregrine.kit.nats.PullConsumers;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Takes projected frames from the work-queue stream {@code PEREGRINE_EVENTS}, shared by every
 * replica through one durable pull consumer, and acknowledges each frame only when its alerts are
 * published: a replica that stops mid-frame leaves the frame to another. A frame the handler
 * rejects as malformed is counted and terminated, never redelivered forever.
 */
public final class EventStreamConsumer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventStreamConsumer.class);
    static final Duration ACK_WAIT = Duration.ofSeconds(5);

    private final NatsClient nats;
    private final FrameHandler handler;
    private final long maxBytes;
    private final JetStreamReadiness readiness;
    private final Thread thread;
    private volatile boolean running = true;
    private final LongAdder frames = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();
    /** Frames handed to the handler whose alerts are not confirmed yet: given back on close. */
    private final Set<Message> inFlight = ConcurrentHashMap.newKeySet();

    public EventStreamConsumer(NatsClient nats, FrameHandler handler, long maxBytes) {
        this(nats, handler, maxBytes, new JetStreamReadiness());
    }

    /** @param readiness told whether the events stream could be created */
    public EventStreamConsumer(NatsClient nats, FrameHandler handler, long maxBytes, JetStreamReadiness readiness) {
        this.nats = nats;
        this.handler = handler;
        this.maxBytes = maxBytes;
        this.readiness = readiness;
        readiness.need(Subjects.EVENTS_STREAM);
        this.thread = Thread.ofPlatform().name("rules-events").daemon().unstarted(this::run);
    }

    /** The stream: in memory, work queue, bounded; frames older than a minute are stale for detection. */
    public static StreamConfiguration eventsStream(long maxBytes, int replicas) {
        return StreamConfiguration.builder()
                .name(Subjects.EVENTS_STREAM)
                .subjects(Subjects.EVENTS_ALL)
                .storageType(StorageType.Memory)
                .retentionPolicy(RetentionPolicy.WorkQueue)
                .maxAge(Duration.ofMinutes(1))
                .maxBytes(maxBytes)
                .replicas(replicas)
                .build();
    }

    public EventStreamConsumer start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try {
                ConsumerContext consumer = subscribe();
                while (running) {
                    // One short fetch after another; each frame is handed over as it arrives.
                    try (FetchConsumer fetch = PullConsumers.fetch(consumer, 64)) {
                        for (Message m = fetch.nextMessage(); m != null; m = fetch.nextMessage()) {
                            if (!running) {
                                // taken while stopping, with the rest of this fetch: back at once,
                                // another replica takes them now, not after the ack wait
                                PullConsumers.handBack(fetch, List.of(m));
                                break;
                            }
                            handle(m);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // NATS away, or the stream not there yet: set up again after a pause.
                LOG.debugf("Events consumer: %s", e.toString());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private ConsumerContext subscribe() throws Exception {
        var c = nats.connection();
        try {
            JetStreams.ensure(c.jetStreamManagement(), eventsStream(maxBytes, nats.replicas()));
            readiness.present(Subjects.EVENTS_STREAM);
        } catch (io.nats.client.JetStreamApiException refused) {
            // e.g. a server whose max_memory_store is below the stream's max_bytes: not ready, and why
            readiness.missing(Subjects.EVENTS_STREAM, refused);
            throw refused;
        }
        ConsumerConfiguration cc = ConsumerConfiguration.builder()
                .durable(Subjects.EVENTS_CONSUMER)
                .ackPolicy(AckPolicy.Explicit)
                // A frame evaluates in milliseconds; one held by a replica that died or stopped
                // while it was in transit comes back after this, and its alerts keep their ids.
                .ackWait(ACK_WAIT)
                .maxAckPending(1024)
                .build();
        c.jetStreamManagement().addOrUpdateConsumer(Subjects.EVENTS_STREAM, cc);
        return c.getStreamContext(Subjects.EVENTS_STREAM).getConsumerContext(Subjects.EVENTS_CONSUMER);
    }

    private void handle(Message m) {
        inFlight.add(m);
        try {
            handler.onFrame(m.getData()).whenComplete((ok, err) -> {
                if (!inFlight.remove(m)) {
                    return; // given back on close already
                }
                if (err == null) {
                    m.ack();
                    frames.increment();
                } else {
                    failed.increment();
                    m.nak(); // alerts not published: evaluate again, here or in another replica
                }
            });
        } catch (MalformedFrameException e) {
            inFlight.remove(m);
            rejected.increment();
            LOG.warnf("Skipping a malformed frame: %s", e.getMessage());
            m.term();
        }
    }

    public long frames() {
        return frames.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public long failed() {
        return failed.sum();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(PullConsumers.PULL_EXPIRY.multipliedBy(3).toMillis());
        // Frames whose alerts are still being published go back too: evaluated again elsewhere,
        // the alerts' message ids keep JetStream from storing any of them twice.
        for (Message m : inFlight) {
            if (inFlight.remove(m)) {
                m.nak();
            }
        }
    }
}
