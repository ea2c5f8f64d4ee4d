package io.peregrine.rules.service;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.peregrine.protocol.Subjects;
import io.peregrine.kit.nats.InterestBucket;
import io.peregrine.kit.nats.NatsClient;
import io.peregrine.rules.runtime.live.ActiveRuleset;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Writes the interest of every installed ruleset to the KV bucket, off the installing thread (a
 * KV put is a request to the server). When NATS is down it retries until the newest one is written.
 */
@ApplicationScoped
public class InterestPublisher {

    private static final Logger LOG = Logger.getLogger(InterestPublisher.class);

    @Inject
    NatsClient nats;
    @Inject
    ActiveRuleset active;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "interest-publisher");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong written = new AtomicLong(-1);

    void onStart(@Observes @Priority(StartOrder.INTEREST) StartupEvent e) {
        active.addListener(s -> worker.execute(this::publish));
        worker.execute(this::publish);
    }

    void onStop(@Observes ShutdownEvent e) {
        worker.shutdownNow();
    }

    /** The ruleset version whose interest was last written (-1: none yet). */
    public long writtenVersion() {
        return written.get();
    }

    private void publish() {
        ActiveRuleset.Snapshot s = active.current();
        if (s.version() <= written.get()) {
            return;
        }
        try {
            bucket().put(Subjects.INTEREST_KEY, s.interest().encode());
            written.set(s.version());
            LOG.infof("Interest of ruleset version %d written: %d event types%s", s.version(),
                    s.interest().eventTypes().size(), s.interest().allTypes() ? " (all types)" : "");
        } catch (Exception ex) {
            LOG.warnf("Interest of ruleset version %d not written yet (%s); retrying", s.version(), ex.getMessage());
            worker.schedule(this::publish, 1, TimeUnit.SECONDS);
        }
    }

    private KeyValue bucket() throws IOException, JetStreamApiException {
        return InterestBucket.open(nats.connection(), nats.replicas());
    }
}
