package io.peregrine.notify.service;

import io.peregrine.notify.config.OutputRegistry;
import io.peregrine.notify.delivery.AlertConsumer;
import io.peregrine.notify.delivery.ConsumerSettings;
import io.peregrine.notify.delivery.StreamSetup;
import io.peregrine.notify.history.HistoryStore;
import io.peregrine.kit.nats.JetStreamReadiness;
import io.peregrine.kit.nats.NatsClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The service: puts the outputs in force, makes sure the streams exist, and runs the alert consumer
 * until shutdown, when deliveries under way get a grace period to finish (what they do not finish,
 * JetStream redelivers).
 */
@ApplicationScoped
public class NotifyApp {

    private static final Logger LOG = Logger.getLogger(NotifyApp.class);

    @Inject
    NatsClient natsClient;
    @Inject
    OutputRegistry registry;
    @Inject
    HistoryStore history;

    @Inject
    NotifyConfig config;

    @Inject
    JetStreamReadiness readiness;

    private AlertConsumer consumer;

    void onStart(@Observes StartupEvent ev) {
        registry.init();
        history.start();
        // NATS may be down at start: the consumer creates the streams (when missing) each time it
        // binds, and keeps trying until it can.
        NotifyConfig c = config;
        consumer = new AlertConsumer(natsClient.connection(),
                new ConsumerSettings(c.stream(), c.subjects(), c.durable(), c.deadLetterSubject(), c.ackWait(),
                        c.maxInFlight(), c.batch(), c.maxDeliver(), c.maxAlertBytes()),
                registry.outputs(), registry.metrics(), history::accept, registry.timer())
                .beforeBind(() -> {
                    ensure(c.stream(), c.subjects());
                    ensure(c.deadLetterStream(), c.deadLetterSubject());
                });
        readiness.need(c.stream());
        readiness.need(c.deadLetterStream());
        consumer.start();
        LOG.infof("Taking alerts from %s (%s) as %s", c.stream(), c.subjects(), c.durable());
    }

    /** Creates {@code stream} when missing; while NATS refuses, readiness names it with NATS's answer. */
    private void ensure(String stream, String subjects) throws Exception {
        try {
            StreamSetup.ensureStream(natsClient.connection().jetStreamManagement(), stream, subjects,
                    config.streamMaxAge(), natsClient.replicas());
            readiness.present(stream);
        } catch (Exception e) {
            readiness.missing(stream, e);
            throw e;
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (consumer != null) {
            consumer.stop(config.shutdownGrace());
        }
    }

    public AlertConsumer consumer() {
        return consumer;
    }
}
