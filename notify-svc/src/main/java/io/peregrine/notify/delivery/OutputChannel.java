package io.peregrine.notify.delivery;

import io.peregrine.notify.aggregation.Aggregator;
import io.peregrine.notify.output.Delivery;
import io.peregrine.notify.output.Notification;
import io.peregrine.notify.output.Output;
import io.peregrine.notify.output.OutputSpec;
import io.peregrine.notify.routing.AlertFilter;
import io.peregrine.protocol.alert.Alert;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One configured output with everything around it: its filter, its aggregation and the retries of
 * each delivery. A delivery runs on its own virtual thread, so a slow or failing receiver holds up
 * nothing but its own alerts.
 */
public final class OutputChannel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutputChannel.class);

    private final OutputSpec spec;
    private final Output output;
    private final AlertFilter filter;
    private final RetryPolicy retry;
    private final DeliveryMetrics metrics;
    private final Aggregator aggregator;

    /** Requests under way at once per output: enough to pipeline, few enough to reuse connections and spare the receiver. */
    public static final int DEFAULT_CONCURRENCY = 32;

    private final java.util.concurrent.Semaphore concurrency;

    public OutputChannel(OutputSpec spec, Output output, RetryPolicy retry, DeliveryMetrics metrics,
                         ScheduledExecutorService timer) {
        this(spec, output, retry, metrics, timer, DEFAULT_CONCURRENCY);
    }

    public OutputChannel(OutputSpec spec, Output output, RetryPolicy retry, DeliveryMetrics metrics,
                         ScheduledExecutorService timer, int concurrency) {
        this.concurrency = new java.util.concurrent.Semaphore(concurrency);
        this.spec = spec;
        this.output = output;
        this.filter = new AlertFilter(spec);
        this.retry = retry;
        this.metrics = metrics;
        this.aggregator = spec.aggregation() == null ? null : new Aggregator(spec.aggregation().window(),
                spec.aggregation().keyFields(), timer,
                n -> deliverAsync(n, Instant.now()).thenApply(Outcome::delivered));
    }

    public String name() {
        return spec.name();
    }

    public OutputSpec spec() {
        return spec;
    }

    public boolean accepts(Alert a) {
        return filter.accepts(a);
    }

    /**
     * Delivers (or aggregates) one alert. {@code arrived} is when JetStream stored it, for the latency metric.
     * The future completes with the outcome after retries; it never completes exceptionally.
     */
    public CompletableFuture<Outcome> submit(Notification n, Instant arrived) {
        if (aggregator == null) {
            return deliverAsync(n, arrived);
        }
        return aggregator.add(n).handle((ok, err) -> ok != null && ok
                ? new Outcome(name(), true, 1, null)
                : new Outcome(name(), false, retry.maxAttempts(), err != null ? err.toString() : "aggregated notification not delivered"));
    }

    private CompletableFuture<Outcome> deliverAsync(Notification n, Instant arrived) {
        CompletableFuture<Outcome> f = new CompletableFuture<>();
        Thread.startVirtualThread(() -> {
            try {
                f.complete(deliverWithRetries(n, arrived));
            } catch (Throwable t) {
                f.complete(new Outcome(name(), false, 0, "internal error: " + t));
            }
        });
        return f;
    }

    /** Attempts until delivered, a permanent failure, or the attempts run out. */
    public Outcome deliverWithRetries(Notification n, Instant arrived) {
        String last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                metrics.retried(name());
            }
            Delivery d;
            try {
                concurrency.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(name(), false, attempt, "interrupted");
            }
            try {
                d = output.deliver(n);
            } catch (RuntimeException e) {
                d = Delivery.retryable("output failed: " + e);
            } finally {
                concurrency.release();
            }
            if (d.ok()) {
                metrics.delivered(name(), n.count(), arrived == null ? null : Duration.between(arrived, Instant.now()));
                return new Outcome(name(), true, attempt, null);
            }
            metrics.failed(name());
            last = d.reason();
            if (d.kind() == Delivery.Kind.PERMANENT) {
                LOG.warnf("Output %s refused alert %s: %s", name(), n.alert().uuid(), last);
                return new Outcome(name(), false, attempt, last);
            }
            if (attempt == retry.maxAttempts()) {
                break;
            }
            Duration wait = retry.backoff(attempt, d.retryAfter());
            LOG.debugf("Output %s attempt %d for alert %s failed (%s); retrying in %s", name(), attempt,
                    n.alert().uuid(), last, wait);
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(name(), false, attempt, "interrupted: " + last);
            }
        }
        LOG.warnf("Output %s gave up on alert %s: %s", name(), n.alert().uuid(), last);
        return new Outcome(name(), false, retry.maxAttempts(), last);
    }

    /** One attempt, no retries: the "test" endpoint. */
    public Delivery tryOnce(Notification n) {
        return output.deliver(n);
    }

    /** Sends open aggregation groups now; the output keeps working for deliveries under way. */
    public void flush() {
        if (aggregator != null) {
            aggregator.flushAll();
        }
    }

    /** Releases the output; call once deliveries under way are over (see OutputSet). */
    @Override
    public void close() {
        flush();
        output.close();
    }
}
