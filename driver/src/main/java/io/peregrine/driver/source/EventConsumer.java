package io.peregrine.driver.source;

import io.peregrine.protocol.event.EventRecord;

/**
 * Receives events from an {@link EventSource}. The record is a flyweight reused for the next event:
 * read it during the call, copy what must outlive it.
 */
@FunctionalInterface
public interface EventConsumer {
    void accept(EventRecord event);
}
