package io.peregrine.notify.output;

import java.time.Duration;

/**
 * What one attempt to hand an alert to an output came to. A retryable failure may carry the
 * delay the receiver asked for (HTTP 429 Retry-After); a permanent one is not retried.
 */
public record Delivery(Kind kind, String reason, Duration retryAfter) {

    public enum Kind { DELIVERED, RETRYABLE, PERMANENT }

    private static final Delivery OK = new Delivery(Kind.DELIVERED, null, null);

    public static Delivery delivered() {
        return OK;
    }

    public static Delivery retryable(String reason) {
        return new Delivery(Kind.RETRYABLE, reason, null);
    }

    public static Delivery retryable(String reason, Duration retryAfter) {
        return new Delivery(Kind.RETRYABLE, reason, retryAfter);
    }

    public static Delivery permanent(String reason) {
        return new Delivery(Kind.PERMANENT, reason, null);
    }

    public boolean ok() {
        return kind == Kind.DELIVERED;
    }
}
