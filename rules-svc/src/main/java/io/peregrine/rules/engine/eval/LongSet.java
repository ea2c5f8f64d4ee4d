package io.peregrine.rules.engine.eval;

import java.util.Arrays;

/** A fixed set of longs with open addressing, probed without boxing. */
public final class LongSet {

    private final long[] table;
    private final boolean[] used;
    private final int mask;

    public LongSet(long[] values) {
        long[] u = Arrays.stream(values).distinct().toArray();
        int cap = Integer.highestOneBit(Math.max(4, u.length * 2 + 1)) << 1;
        table = new long[cap];
        used = new boolean[cap];
        mask = cap - 1;
        for (long v : u) {
            int i = mix(v) & mask;
            while (used[i]) {
                i = (i + 1) & mask;
            }
            used[i] = true;
            table[i] = v;
        }
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    public boolean contains(long v) {
        int i = mix(v) & mask;
        while (used[i]) {
            if (table[i] == v) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }
}
