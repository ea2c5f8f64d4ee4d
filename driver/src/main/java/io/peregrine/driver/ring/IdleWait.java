package io.peregrine.driver.ring;

import java.util.concurrent.locks.LockSupport;

/**
 * Adaptive waiting for a ring that is polled by position: spin briefly (events usually come in
 * bursts), then yield, then park for growing intervals up to a cap. {@link #reset()} after work.
 */
public final class IdleWait {
    private final int spins;
    private final int yields;
    private final long maxParkNanos;
    private int idle;
    private long parkNanos;

    public IdleWait() {
        this(200, 20, 1_000_000L);
    }

    public IdleWait(int spins, int yields, long maxParkNanos) {
        this.spins = spins;
        this.yields = yields;
        this.maxParkNanos = maxParkNanos;
    }

    /** Called when a poll found nothing. */
    public void idle() {
        if (idle < spins) {
            Thread.onSpinWait();
        } else if (idle < spins + yields) {
            Thread.yield();
        } else {
            parkNanos = parkNanos == 0 ? 1_000 : Math.min(parkNanos * 2, maxParkNanos);
            LockSupport.parkNanos(parkNanos);
        }
        idle++;
    }

    /** Called when a poll delivered events. */
    public void reset() {
        idle = 0;
        parkNanos = 0;
    }
}
