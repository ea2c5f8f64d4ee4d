package io.peregrine.notify.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: before attempt n+1 wait a random time between half and all of
 * min(initial * 2^(n-1), max), so replicas retrying one receiver spread out instead of hammering
 * it together. A receiver's Retry-After is a floor, itself capped: a receiver may not park an
 * alert (and the delivery slot it holds) for as long as it likes.
 *
 * @param maxAttempts   attempts per output before the alert goes to the dead-letter subject
 * @param maxRetryAfter longest Retry-After honoured; a longer one waits this long
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        this(maxAttempts, initialBackoff, maxBackoff, DEFAULT_MAX_RETRY_AFTER);
    }

    public RetryPolicy {
        if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("max-retry-after must be zero or more");
        }
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
        long floor = retryAfter == null || retryAfter.isNegative() ? 0
                : (retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter).toMillis();
        return Duration.ofMillis(Math.max(jittered, floor));
    }
}
