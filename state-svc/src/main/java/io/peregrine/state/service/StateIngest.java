package io.peregrine.state.service;

import io.peregrine.state.frames.FrameApplier;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueWatcher;
import io.peregrine.protocol.Subjects;
import io.peregrine.protocol.frame.Frame;
import io.peregrine.protocol.frame.FrameEncoder;
import io.peregrine.protocol.frame.FrameKind;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.interest.InterestFormatException;
import io.peregrine.kit.nats.InterestBucket;
import io.peregrine.kit.nats.JetStreamReadiness;
import io.peregrine.kit.nats.NatsClient;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.projection.Projector;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The NATS shell around {@link FrameApplier}: subscribes to this node's raw frames,
 * {@code peregrine.raw.<node>} (one dispatcher, so frames are applied in order on one thread),
 * publishes projected frames on {@code peregrine.events.<node>}, and follows the interest in the KV
 * bucket. One state-svc per node: each projects its own node only, and refuses frames that name
 * another node whatever subject they came on.
 */
@ApplicationScoped
public class StateIngest {
    private static final Logger LOG = Logger.getLogger(StateIngest.class);

    private final NatsClient nats;
    private final MeterRegistry metrics;
    private final String node;
    private final String subject;
    private final FrameApplier applier;
    /** Events in projected frames NATS refused; per node, those not yet reported downstream. */
    private final LongAdder projectedLost = new LongAdder();
    private final Map<String, Long> unreported = new HashMap<>();
    private Dispatcher dispatcher;
    private volatile boolean running;
    private volatile String interestError;

    private final JetStreamReadiness readiness;

    public StateIngest(NatsClient nats, MeterRegistry metrics, StateConfig config, JetStreamReadiness readiness) {
        this.nats = nats;
        this.readiness = readiness;
        readiness.need(Subjects.INTEREST_BUCKET);
        this.metrics = metrics;
        this.node = LocalNode.resolve(config.state().node());
        this.subject = Subjects.raw(node);
        // This node only; the limit is moot then, so the smallest one.
        this.applier = new FrameApplier(node, 1);
        metrics.gauge("peregrine_state_frames", applier, FrameApplier::frames);
        metrics.gauge("peregrine_state_frames_malformed", applier, FrameApplier::malformed);
        metrics.gauge("peregrine_state_frames_refused", applier, FrameApplier::refused);
        metrics.gauge("peregrine_state_events_lost", applier, FrameApplier::lostEvents);
        metrics.gauge("peregrine_state_sequence_gaps", applier, FrameApplier::sequenceGaps);
        metrics.gauge("peregrine_state_events", applier, FrameApplier::events);
        metrics.gauge("peregrine_state_projected_lost", projectedLost, LongAdder::sum);
    }

    void start(@Observes StartupEvent e) {
        Connection c = nats.connection();
        dispatcher = c.createDispatcher(msg -> {
            FrameApplier.Result r;
            synchronized (applier) {
                r = applier.apply(msg.getData());
            }
            if (r.malformed()) {
                LOG.warnf("skipped a frame on %s: %s", msg.getSubject(), r.error());
                return;
            }
            publish(c, r.node(), r.projected());
        });
        dispatcher.subscribe(subject);
        LOG.infof("node %s: following %s", node, subject);
        watchInterest(c);
        running = true;
    }

    /**
     * Publishes projected frames. A frame NATS refuses (connection down and its buffer full, or a
     * payload over the server's limit) is counted, and its events are reported to rules-svc as a
     * loss event as soon as a publish goes through again: lost detections are never silent.
     */
    private void publish(Connection c, String node, List<byte[]> frames) {
        for (byte[] f : frames) {
            try {
                c.publish(Subjects.events(node), f);
            } catch (RuntimeException refused) {
                int n = Frame.count(f);
                projectedLost.add(n);
                unreported.merge(node, (long) n, Long::sum);
                LOG.warnf("projected frame of %d events not published for %s: %s", n, node, refused.getMessage());
            }
        }
        Long lost = unreported.get(node);
        if (lost != null && lost > 0) {
            ProjectionEncoder e = new ProjectionEncoder(256);
            long now = System.currentTimeMillis() * 1_000_000L;
            Projector.drop(e, 0, now, lost, "projected_frame_not_published");
            FrameEncoder fe = new FrameEncoder(FrameKind.PROJECTED_EVENTS, node, UUID.randomUUID(), 512);
            fe.add(e.segment(), 0, e.size(), now);
            try {
                c.publish(Subjects.events(node), fe.finish(0, 0));
                unreported.remove(node);
            } catch (RuntimeException stillDown) {
                // reported with the next publish that goes through
            }
        }
    }

    private void watchInterest(Connection c) {
        try {
            KeyValue kv = InterestBucket.open(c, nats.replicas());
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
            readiness.present(Subjects.INTEREST_BUCKET);
        } catch (Exception ex) {
            // Without the bucket nothing is projected: not ready (readiness logs why), and try again.
            interestError = "cannot watch the interest: " + ex.getMessage();
            readiness.missing(Subjects.INTEREST_BUCKET, ex);
            Thread.ofVirtual().name("interest-watch-retry").start(() -> {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopped) {
                    return;
                }
                if (running) {
                    watchInterest(c);
                }
            });
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

    /** This node's name. */
    public String node() {
        return node;
    }

    /** The one raw subject followed. */
    public String subject() {
        return subject;
    }

    public FrameApplier applier() {
        return applier;
    }

    public String interestError() {
        return interestError;
    }
}
