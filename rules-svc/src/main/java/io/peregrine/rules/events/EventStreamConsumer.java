package io.peregrine.rules.events;

import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.peregrine.protocol.Subjects;
import io.peregrine.protocol.nats.JetStreams;
import io.peregrine.protocol.nats.NatsClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Takes projected frames from the work-queue stream {@code PEREGRINE_EVENTS}, shared by every
 * replica through one durable pull consumer, and acknowledges each frame only when its alerts are
 * published: a replica that stops mid-frame leaves the frame to another. A frame the handler
 * rejects as malformed is counted and terminated, never redelivered forever.
 */
public final class EventStreamConsumer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventStreamConsumer.class);

    private final NatsClient nats;
    private final FrameHandler handler;
    private final long maxBytes;
    private final Thread thread;
    private volatile boolean running = true;
    private final LongAdder frames = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public EventStreamConsumer(NatsClient nats, FrameHandler handler, long maxBytes) {
        this.nats = nats;
        this.handler = handler;
        this.maxBytes = maxBytes;
        this.thread = Thread.ofPlatform().name("rules-events").daemon().unstarted(this::run);
    }

    /** The stream: in memory, work queue, bounded; frames older than a minute are stale for detection. */
    public static StreamConfiguration eventsStream(long maxBytes) {
        return StreamConfiguration.builder()
                .name(Subjects.EVENTS_STREAM)
                .subjects(Subjects.EVENTS_ALL)
                .storageType(StorageType.Memory)
                .retentionPolicy(RetentionPolicy.WorkQueue)
                .maxAge(Duration.ofMinutes(1))
                .maxBytes(maxBytes)
                .build();
    }

    public EventStreamConsumer start() {
        thread.start();
        return this;
    }

    private void run() {
        JetStreamSubscription sub = null;
        while (running) {
            try {
                if (sub == null) {
                    sub = subscribe();
                }
                List<Message> batch = sub.fetch(64, Duration.ofMillis(200));
                for (Message m : batch) {
                    if (running) {
                        handle(m);
                    } else {
                        m.nak(); // stopping: another replica takes it now, not after the ack wait
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // NATS away, or the stream not there yet: set up again after a pause.
                LOG.debugf("Events consumer: %s", e.toString());
                sub = null;
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private JetStreamSubscription subscribe() throws Exception {
        var c = nats.connection();
        JetStreams.ensure(c.jetStreamManagement(), eventsStream(maxBytes));
        ConsumerConfiguration cc = ConsumerConfiguration.builder()
                .durable(Subjects.EVENTS_CONSUMER)
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(Duration.ofSeconds(30))
                .maxAckPending(1024)
                .build();
        c.jetStreamManagement().addOrUpdateConsumer(Subjects.EVENTS_STREAM, cc);
        return c.jetStream().subscribe(null, PullSubscribeOptions.bind(Subjects.EVENTS_STREAM, Subjects.EVENTS_CONSUMER));
    }

    private void handle(Message m) {
        try {
            handler.onFrame(m.getData()).whenComplete((ok, err) -> {
                if (err == null) {
                    m.ack();
                    frames.increment();
                } else {
                    failed.increment();
                    m.nak(); // alerts not published: evaluate again, here or in another replica
                }
            });
        } catch (MalformedFrameException e) {
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
        thread.join(2000);
    }
}
