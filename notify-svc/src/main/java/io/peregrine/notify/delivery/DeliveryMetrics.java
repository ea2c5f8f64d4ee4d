package io.peregrine.notify.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per output: alerts delivered, attempts failed, retries, alerts dead-lettered, and the latency from
 * the alert's arrival in JetStream to its delivery. Besides, alerts refused as unreadable, by reason.
 */
public final class DeliveryMetrics {

    private record Meters(Counter delivered, Counter failed, Counter retried, Counter deadLettered, Timer latency) {
    }

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Meters> byOutput = new ConcurrentHashMap<>();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private Meters of(String output) {
        return byOutput.computeIfAbsent(output, o -> new Meters(
                Counter.builder("peregrine.notify.delivered").description("Alerts delivered").tag("output", o).register(registry),
                Counter.builder("peregrine.notify.failed").description("Delivery attempts that failed").tag("output", o).register(registry),
                Counter.builder("peregrine.notify.retried").description("Delivery attempts that were retries").tag("output", o).register(registry),
                Counter.builder("peregrine.notify.dead.lettered").description("Alerts sent to the dead-letter subject").tag("output", o).register(registry),
                Timer.builder("peregrine.notify.delivery.latency").description("From arrival in JetStream to delivery")
                        .tag("output", o).publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                        .register(registry)));
    }

    public void delivered(String output, int alerts, Duration latency) {
        Meters m = of(output);
        m.delivered.increment(alerts);
        if (latency != null && !latency.isNegative()) {
            m.latency.record(latency);
        }
    }

    public void failed(String output) {
        of(output).failed.increment();
    }

    public void retried(String output) {
        of(output).retried.increment();
    }

    public void deadLettered(String output) {
        of(output).deadLettered.increment();
    }

    /** An alert refused unread or unreadable; {@code reason} is one of a few fixed words (too_large, too_deep, malformed). */
    public void rejected(String reason) {
        Counter.builder("peregrine.notify.rejected").description("Alerts refused as unreadable, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    public double delivered(String output) {
        return of(output).delivered.count();
    }
}
