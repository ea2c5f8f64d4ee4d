package io.peregrine.rules.runtime.alerts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RuleThrottleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstPassesThenTheRateHoldsAndTheNextAlertCarriesWhatWasSuppressed() {
        RuleThrottle t = new RuleThrottle(1, 3); // one per second, bursts of three
        long now = 10 * SECOND;
        assertEquals(0, t.acquire(0, now));
        assertEquals(0, t.acquire(0, now));
        assertEquals(0, t.acquire(0, now));
        assertEquals(-1, t.acquire(0, now));
        assertEquals(-1, t.acquire(0, now + SECOND / 2));
        assertEquals(2, t.acquire(0, now + SECOND + SECOND / 10), "one token back after a second; two were suppressed");
        assertEquals(-1, t.acquire(0, now + SECOND + SECOND / 5));
        assertEquals(3, t.suppressedTotal());
    }

    @Test
    void rulesHaveTheirOwnBuckets() {
        RuleThrottle t = new RuleThrottle(1, 1);
        assertEquals(0, t.acquire(0, SECOND));
        assertEquals(-1, t.acquire(0, SECOND));
        assertEquals(0, t.acquire(7, SECOND), "another rule is not held back");
    }

    @Test
    void rateZeroMeansNoThrottling() {
        RuleThrottle t = new RuleThrottle(0, 1);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, t.acquire(0, SECOND));
        }
        assertEquals(0, t.suppressedTotal());
    }
}
