package io.peregrine.notify.delivery;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outputs in force. A new configuration replaces the list at once; the channels it replaces
 * flush their aggregation groups and finish deliveries under way before they are closed.
 */
public final class OutputSet implements AutoCloseable {

    /** Longer than any retry sequence, so no delivery under way loses its output. */
    private static final long RETIRE_AFTER_SECONDS = 15 * 60;

    private final AtomicReference<List<OutputChannel>> current = new AtomicReference<>(List.of());
    private final ScheduledExecutorService timer;

    public OutputSet(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public List<OutputChannel> channels() {
        return current.get();
    }

    public void replace(List<OutputChannel> channels) {
        List<OutputChannel> old = current.getAndSet(List.copyOf(channels));
        for (OutputChannel c : old) {
            c.flush();
            timer.schedule(c::close, RETIRE_AFTER_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        current.getAndSet(List.of()).forEach(OutputChannel::close);
    }
}
