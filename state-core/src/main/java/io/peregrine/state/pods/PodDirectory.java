package io.peregrine.state.pods;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pod metadata by pod uid, shared between the thread that follows the Kubernetes API (writer) and
 * the event thread (reader). A lookup never waits: a pod not known yet is absent now and present
 * once the watch has delivered it. Bounded: beyond the limit new pods are refused and counted.
 */
public final class PodDirectory {
    public static final int DEFAULT_LIMIT = 8192;

    private final ConcurrentHashMap<String, PodMeta> pods = new ConcurrentHashMap<>();
    private final int limit;
    private final AtomicLong refused = new AtomicLong();
    /** Lookups of a pod uid not (yet) known; written by the event thread only. */
    private long misses;

    public PodDirectory() {
        this(DEFAULT_LIMIT);
    }

    public PodDirectory(int limit) {
        this.limit = limit;
    }

    /** Adds or replaces a pod; false when the directory is full and the pod is new. */
    public boolean put(PodMeta pod) {
        if (pods.size() >= limit && !pods.containsKey(pod.uid())) {
            refused.incrementAndGet();
            return false;
        }
        pods.put(pod.uid(), pod);
        return true;
    }

    public void remove(String uid) {
        pods.remove(uid);
    }

    /** The pod of this uid, or null (counted as a miss). */
    public PodMeta get(String uid) {
        PodMeta p = pods.get(uid);
        if (p == null) {
            misses++;
        }
        return p;
    }

    public int size() {
        return pods.size();
    }

    public int limit() {
        return limit;
    }

    public long refused() {
        return refused.get();
    }

    public long misses() {
        return misses;
    }
}
