package io.peregrine.notify.output;

import io.nats.client.Connection;
import io.nats.client.impl.Headers;

/**
 * Republishes the Falco JSON alert on a plain NATS subject, with the alert id in the
 * {@code Nats-Msg-Id} header (JetStream de-duplicates on it when a stream captures the subject).
 * Core NATS publishing is handed to the client's outgoing buffer; it is "taken" once buffered
 * on a connected client, so a disconnected client is a retryable failure.
 */
public final class NatsOutput implements Output {

    private final OutputSpec spec;
    private final Connection connection;

    public NatsOutput(OutputSpec spec, Connection connection) {
        this.spec = spec;
        this.connection = connection;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public Delivery deliver(Notification n) {
        if (connection == null || connection.getStatus() != Connection.Status.CONNECTED) {
            return Delivery.retryable("NATS not connected");
        }
        Headers h = new Headers();
        h.put("Nats-Msg-Id", n.alert().uuid());
        h.put(WebhookOutput.ALERT_ID_HEADER, n.alert().uuid());
        try {
            connection.publish(spec.subject(), h, n.body());
            return Delivery.delivered();
        } catch (RuntimeException e) {
            return Delivery.retryable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
