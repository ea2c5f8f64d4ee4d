package io.peregrine.capture.framing;

/** Where finished frames go: NATS in the service, a list in tests. */
@FunctionalInterface
public interface FrameSink {

    /**
     * Sends one frame. Throws when the frame could not be handed over (connection down and its
     * buffer full); the caller counts the frame's events as lost.
     */
    void send(byte[] frame) throws Exception;
}
