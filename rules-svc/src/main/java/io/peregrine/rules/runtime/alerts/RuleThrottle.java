package io.peregrine.rules.runtime.alerts;

/**
 * Per-rule token buckets: a rule may raise {@code burst} alerts at once and {@code ratePerSecond}
 * on average; what goes beyond is suppressed and counted, and the count rides on the rule's next
 * alert. A rate of 0 turns throttling off. Used from the evaluation thread only.
 */
public final class RuleThrottle {

    private final double ratePerNano;
    private final double burst;
    private double[] tokens = new double[0];
    private long[] refilledAt = new long[0];
    private long[] suppressed = new long[0];
    private long suppressedTotal;

    public RuleThrottle(double ratePerSecond, int burst) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = Math.max(1, burst);
    }

    /**
     * Takes a token for rule {@code index} at time {@code nowNanos}. Returns -1 when the alert must
     * be suppressed, else the number of alerts suppressed since the rule's previous alert.
     */
    public long acquire(int index, long nowNanos) {
        if (ratePerNano <= 0) {
            return 0;
        }
        ensure(index);
        if (refilledAt[index] == 0) {
            tokens[index] = burst;
        } else {
            tokens[index] = Math.min(burst, tokens[index] + (nowNanos - refilledAt[index]) * ratePerNano);
        }
        refilledAt[index] = nowNanos;
        if (tokens[index] < 1) {
            suppressed[index]++;
            suppressedTotal++;
            return -1;
        }
        tokens[index] -= 1;
        long s = suppressed[index];
        suppressed[index] = 0;
        return s;
    }

    public long suppressedTotal() {
        return suppressedTotal;
    }

    private void ensure(int index) {
        if (index >= tokens.length) {
            int n = Math.max(index + 1, tokens.length * 2);
            tokens = java.util.Arrays.copyOf(tokens, n);
            refilledAt = java.util.Arrays.copyOf(refilledAt, n);
            suppressed = java.util.Arrays.copyOf(suppressed, n);
        }
    }
}
