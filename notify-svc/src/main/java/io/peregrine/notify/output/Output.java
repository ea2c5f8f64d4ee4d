package io.peregrine.notify.output;

/**
 * A destination of alerts. {@link #deliver} makes one attempt and reports the outcome; retries,
 * filters and aggregation are the caller's. Implementations are safe for concurrent use.
 */
public interface Output extends AutoCloseable {

    String name();

    Delivery deliver(Notification n);

    @Override
    default void close() {
    }
}
