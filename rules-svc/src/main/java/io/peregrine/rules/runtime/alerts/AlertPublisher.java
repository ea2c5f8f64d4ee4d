package io.peregrine.rules.runtime.alerts;

import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.peregrine.protocol.Subjects;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.kit.nats.JetStreamReadiness;
import io.peregrine.kit.nats.JetStreams;
import io.peregrine.kit.nats.NatsClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes alerts to the JetStream stream {@code PEREGRINE_ALERTS}, each with its uuid as the
 * message id, so a publish retried after a lost acknowledgement is stored once.
 */
public final class AlertPublisher {

    private final NatsClient nats;
    private final JetStreamReadiness readiness;
    private volatile boolean streamReady;

    public AlertPublisher(NatsClient nats) {
        this(nats, new JetStreamReadiness());
    }

    /** @param readiness told whether the alerts stream could be created */
    public AlertPublisher(NatsClient nats, JetStreamReadiness readiness) {
        this.nats = nats;
        this.readiness = readiness;
        readiness.need(Subjects.ALERTS_STREAM);
    }

    /** Creates the alerts stream when it is missing; false (and readiness told why) when NATS refuses. */
    public boolean ensureStream() {
        if (streamReady) {
            return true;
        }
        try {
            JetStreams.ensure(nats.connection().jetStreamManagement(), alertsStream(nats.replicas()));
            streamReady = true;
            readiness.present(Subjects.ALERTS_STREAM);
            return true;
        } catch (Exception e) {
            readiness.missing(Subjects.ALERTS_STREAM, e);
            return false;
        }
    }

    /** The alerts stream as rules-svc creates it when missing (notify-svc does the same). */
    public static StreamConfiguration alertsStream(int replicas) {
        return StreamConfiguration.builder()
                .name(Subjects.ALERTS_STREAM)
                .subjects(Subjects.ALERTS_ALL)
                .storageType(StorageType.File)
                .maxAge(Duration.ofDays(7))
                .duplicateWindow(Duration.ofMinutes(2))
                .replicas(replicas)
                .build();
    }

    public CompletableFuture<PublishAck> publish(Alert alert) {
        try {
            if (!streamReady && !ensureStream()) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        Subjects.ALERTS_STREAM + " is missing: " + readiness.problem(Subjects.ALERTS_STREAM)));
            }
            JetStream js = nats.connection().jetStream();
            Headers h = new Headers().put("Nats-Msg-Id", alert.uuid());
            return js.publishAsync(Subjects.alert(alert.priority().name(), alert.rule()), h,
                    AlertJson.encode(alert).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
