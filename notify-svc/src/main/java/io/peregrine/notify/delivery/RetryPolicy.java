package io.peregrine.notify.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: before attempt n+1 wait a random time between half and all of
 * min(initial * 2^(n-1), max), so replicas retrying one receiver spread out instead of hammering
 * it together. A receiver's Retry-After is a floor.
 *
 * @param maxAttempts attempts per output before the alert goes to the dead-letter subject
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration backoff(int attempt, Duration retryAfter) {
        long initial = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        long base = attempt >= 62 ? cap : Math.min(cap, initial << Math.min(attempt - 1, 40));
        if (base < 0) {
            base = cap;
        }
        long jittered = base / 2 + (base > 1 ? ThreadLocalRandom.current().nextLong(base - base / 2 + 1) : base);
        long floor = retryAfter == null ? 0 : retryAfter.toMillis();
        return Duration.ofMillis(Math.max(jittered, floor));
    }
}
