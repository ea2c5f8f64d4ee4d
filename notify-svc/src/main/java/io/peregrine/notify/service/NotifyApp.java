package io.peregrine.notify;

import io.peregrine.notify.config.OutputRegistry;
import io.peregrine.notify.delivery.AlertConsumer;
import io.peregrine.notify.delivery.ConsumerSettings;
import io.peregrine.notify.delivery.StreamSetup;
import io.peregrine.notify.history.HistoryStore;
import io.peregrine.protocol.Subjects;
import io.peregrine.kit.nats.NatsClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

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

    @ConfigProperty(name = "peregrine.notify.stream", defaultValue = Subjects.ALERTS_STREAM)
    String stream;
    @ConfigProperty(name = "peregrine.notify.subjects", defaultValue = Subjects.ALERTS_ALL)
    String subjects;
    @ConfigProperty(name = "peregrine.notify.stream-max-age", defaultValue = "P7D")
    Duration streamMaxAge;
    @ConfigProperty(name = "peregrine.notify.durable", defaultValue = "peregrine-notify")
    String durable;
    @ConfigProperty(name = "peregrine.notify.dead-letter-stream", defaultValue = "PEREGRINE_DEADLETTER")
    String deadLetterStream;
    @ConfigProperty(name = "peregrine.notify.dead-letter-subject", defaultValue = Subjects.ALERTS_DEAD_LETTER)
    String deadLetterSubject;
    @ConfigProperty(name = "peregrine.notify.ack-wait", defaultValue = "PT5S")
    Duration ackWait;
    @ConfigProperty(name = "peregrine.notify.max-in-flight", defaultValue = "1024")
    int maxInFlight;
    @ConfigProperty(name = "peregrine.notify.batch", defaultValue = "256")
    int batch;
    @ConfigProperty(name = "peregrine.notify.shutdown-grace", defaultValue = "PT10S")
    Duration shutdownGrace;

    private AlertConsumer consumer;

    void onStart(@Observes StartupEvent ev) {
        registry.init();
        history.start();
        // NATS may be down at start: the consumer creates the streams (when missing) each time it
        // binds, and keeps trying until it can.
        consumer = new AlertConsumer(natsClient.connection(),
                new ConsumerSettings(stream, subjects, durable, deadLetterSubject, ackWait, maxInFlight, batch),
                registry.outputs(), registry.metrics(), history::accept, registry.timer())
                .beforeBind(() -> {
                    StreamSetup.ensureStream(natsClient.connection().jetStreamManagement(), stream, subjects, streamMaxAge,
                            natsClient.replicas());
                    StreamSetup.ensureStream(natsClient.connection().jetStreamManagement(), deadLetterStream,
                            deadLetterSubject, streamMaxAge, natsClient.replicas());
                });
        consumer.start();
        LOG.infof("Taking alerts from %s (%s) as %s", stream, subjects, durable);
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (consumer != null) {
            consumer.stop(shutdownGrace);
        }
    }

    public AlertConsumer consumer() {
        return consumer;
    }
}
