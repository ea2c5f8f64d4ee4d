package io.peregrine.driver.source;

import java.io.IOException;

/**
 * A stream of event records: the live ring buffers, a Peregrine capture file or a .scap file. Seed
 * events (the initial state) come first, then the event stream, in order.
 */
public interface EventSource extends AutoCloseable {

    /**
     * Delivers up to {@code max} events that are available now. Returns how many were delivered, 0
     * when none is available yet (live sources), or -1 at the end of the stream (files).
     *
     * @throws IOException when the input is unreadable or corrupt; the events before the bad spot
     *                     have been delivered, and the message says where (byte offset for files)
     */
    int poll(EventConsumer consumer, int max) throws IOException;

    /** Delivers every remaining event until the end of the stream; returns how many. */
    default long drain(EventConsumer consumer) throws IOException {
        long total = 0;
        int n;
        while ((n = poll(consumer, Integer.MAX_VALUE)) >= 0) {
            total += n;
            if (n == 0) {
                Thread.onSpinWait();
            }
        }
        return total;
    }

    /** Events delivered to consumers so far. */
    long eventsRead();

    /** Events read but not delivered (unknown type or layout, filtered), counted never silently dropped. */
    long eventsSkipped();

    @Override
    void close() throws IOException;
}
