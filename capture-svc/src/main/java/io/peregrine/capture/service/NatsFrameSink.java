package io.peregrine.capture.service;

import io.nats.client.Connection;
import io.peregrine.capture.framing.FrameSink;

/**
 * Publishes frames on core NATS. While the connection is down, jnats keeps frames in its
 * reconnect buffer; when that is full it throws, and the publisher counts the frame as lost.
 */
final class NatsFrameSink implements FrameSink {

    private final Connection connection;
    private final String subject;

    NatsFrameSink(Connection connection, String subject) {
        this.connection = connection;
        this.subject = subject;
    }

    @Override
    public void send(byte[] frame) {
        connection.publish(subject, frame);
    }
}
