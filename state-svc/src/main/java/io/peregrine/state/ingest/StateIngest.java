package io.peregrine.state.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueWatcher;
import io.peregrine.protocol.Subjects;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.interest.InterestFormatException;
import io.peregrine.protocol.nats.InterestBucket;
import io.peregrine.protocol.nats.NatsClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The NATS shell around {@link FrameApplier}: subscribes to raw frames (one dispatcher, so a node's
 * frames are applied in order on one thread), publishes projected frames on
 * {@code peregrine.events.<node>}, and follows the interest in the KV bucket.
 */
@ApplicationScoped
public class StateIngest {
    private static final Logger LOG = Logger.getLogger(StateIngest.class);

    private final NatsClient nats;
    private final MeterRegistry metrics;
    private final String subject;
    private final FrameApplier applier = new FrameApplier();
    private Dispatcher dispatcher;
    private volatile boolean running;
    private volatile String interestError;

    public StateIngest(NatsClient nats, MeterRegistry metrics,
                       @ConfigProperty(name = "peregrine.state.subject", defaultValue = "peregrine.raw.>") String subject) {
        this.nats = nats;
        this.metrics = metrics;
        this.subject = subject;
        metrics.gauge("peregrine_state_frames", applier, FrameApplier::frames);
        metrics.gauge("peregrine_state_frames_malformed", applier, FrameApplier::malformed);
        metrics.gauge("peregrine_state_events_lost", applier, FrameApplier::lostEvents);
        metrics.gauge("peregrine_state_sequence_gaps", applier, FrameApplier::sequenceGaps);
        metrics.gauge("peregrine_state_events", applier, FrameApplier::events);
    }

    void start(@Observes StartupEvent e) {
        Connection c = nats.connection();
        dispatcher = c.createDispatcher(msg -> {
            FrameApplier.Result r;
            synchronized (applier) {
                r = applier.apply(msg.getData());
            }
            if (r.malformed()) {
                LOG.warnf("skipped a malformed frame on %s: %s", msg.getSubject(), r.error());
                return;
            }
            if (r.projected() != null) {
                c.publish(Subjects.events(r.node()), r.projected());
            }
        });
        dispatcher.subscribe(subject);
        watchInterest(c);
        running = true;
    }

    private void watchInterest(Connection c) {
        try {
            KeyValue kv = InterestBucket.open(c);
            kv.watch(Subjects.INTEREST_KEY, new KeyValueWatcher() {
                @Override
                public void watch(KeyValueEntry entry) {
                    if (entry.getValue() == null) {
                        return;
                    }
                    try {
                        Interest i = Interest.decode(entry.getValue());
                        applier.interest(i);
                        interestError = null;
                        LOG.infof("interest revision %d: %d event types", entry.getRevision(), i.eventTypes().size());
                    } catch (InterestFormatException ex) {
                        interestError = ex.getMessage();
                        LOG.warnf("kept the previous interest: revision %d is malformed: %s", entry.getRevision(), ex.getMessage());
                    }
                }

                @Override
                public void endOfData() {
                }
            });
        } catch (Exception ex) {
            interestError = "cannot watch the interest: " + ex.getMessage();
            LOG.warn(interestError);
        }
    }

    void stop(@Observes ShutdownEvent e) {
        running = false;
        if (dispatcher != null) {
            nats.connection().closeDispatcher(dispatcher);
        }
    }

    public boolean running() {
        return running;
    }

    public FrameApplier applier() {
        return applier;
    }

    public String interestError() {
        return interestError;
    }
}
