package io.peregrine.state.threads;

import java.util.function.Consumer;

/**
 * All threads of a node, by tid: an open-addressing table of primitive keys (no boxing on the
 * event path). Bounded: when full, the thread that has been quiet the longest is evicted and
 * counted, as libsinsp does with its thread table limit.
 */
public final class ThreadTable {
    private long[] keys;
    private ThreadInfo[] values;
    private int size;
    private final int limit;
    private long evictions;

    public ThreadTable(int limit) {
        this.limit = limit;
        int cap = 64;
        keys = new long[cap];
        values = new ThreadInfo[cap];
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    public ThreadInfo get(long tid) {
        int mask = keys.length - 1;
        for (int i = hash(tid) & mask; ; i = (i + 1) & mask) {
            ThreadInfo v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == tid) {
                return v;
            }
        }
    }

    /** Adds or replaces the thread of {@code t.tid}; evicts the quietest thread when full. */
    public void put(ThreadInfo t) {
        if (size >= limit && get(t.tid) == null) {
            evictQuietest();
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(t.tid, t);
    }

    private void insert(long k, ThreadInfo v) {
        int mask = keys.length - 1;
        for (int i = hash(k) & mask; ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = k;
                values[i] = v;
                size++;
                return;
            }
            if (keys[i] == k) {
                values[i] = v;
                return;
            }
        }
    }

    public ThreadInfo remove(long tid) {
        int mask = keys.length - 1;
        int i = hash(tid) & mask;
        while (true) {
            ThreadInfo v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == tid) {
                break;
            }
            i = (i + 1) & mask;
        }
        ThreadInfo removed = values[i];
        values[i] = null;
        size--;
        // Backward-shift the cluster so that lookups stay correct without tombstones.
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (values[j] == null) {
                return removed;
            }
            int home = hash(keys[j]) & mask;
            boolean between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!between) {
                keys[i] = keys[j];
                values[i] = values[j];
                values[j] = null;
                i = j;
            }
        }
    }

    private void grow() {
        long[] ok = keys;
        ThreadInfo[] ov = values;
        keys = new long[ok.length * 2];
        values = new ThreadInfo[ov.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ov[i] != null) {
                insert(ok[i], ov[i]);
            }
        }
    }

    private void evictQuietest() {
        ThreadInfo victim = null;
        for (ThreadInfo t : values) {
            if (t != null && (victim == null || t.lastEventTs < victim.lastEventTs)) {
                victim = t;
            }
        }
        if (victim != null) {
            remove(victim.tid);
            evictions++;
        }
    }

    public int size() {
        return size;
    }

    public int limit() {
        return limit;
    }

    public long evictions() {
        return evictions;
    }

    public void forEach(Consumer<ThreadInfo> action) {
        // Iterate over a snapshot of the slots: the action may not modify the table.
        for (ThreadInfo t : values) {
            if (t != null) {
                action.accept(t);
            }
        }
    }
}
