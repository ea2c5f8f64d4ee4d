package io.peregrine.capture.pipeline;

import java.util.concurrent.locks.LockSupport;

/**
 * Replays at the pace of the original timestamps, scaled by a speed factor (2 = twice as fast);
 * speed 0 means as fast as possible.
 */
public final class Pacer {

    private final double speed;
    private long firstTs = Long.MIN_VALUE;
    private long startNanos;

    public Pacer(double speed) {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("replay speed must be 0 (full speed) or positive, not " + speed);
        }
        this.speed = speed;
    }

    public boolean paced() {
        return speed > 0;
    }

    /** Nanoseconds to wait before the event at {@code ts} is due; 0 when it is due now. */
    public long delayFor(long ts) {
        if (speed == 0) {
            return 0;
        }
        if (firstTs == Long.MIN_VALUE) {
            firstTs = ts;
            startNanos = System.nanoTime();
            return 0;
        }
        long due = startNanos + (long) ((ts - firstTs) / speed);
        return Math.max(0, due - System.nanoTime());
    }

    static void sleep(long nanos) {
        LockSupport.parkNanos(nanos);
    }
}
