package io.peregrine.state.cri;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Container metadata from the CRI runtime, cached by full container id and fetched off the event
 * path: {@link #get} never waits. The first ask for an unknown id queues a lookup on one worker
 * thread and answers null (the fields are absent until the runtime has answered, as Falco's
 * asynchronous container engines do). Answers are kept: found containers until evicted, unknown
 * ids (NOT_FOUND: not a CRI container, e.g. a plain docker one) for {@code negativeNanos}. When the
 * runtime fails (socket gone, timeout), lookups back off exponentially, are counted and retried.
 * The cache is bounded; each eviction is counted.
 *
 * <p>{@link #resolve} may wait, once per lookup and at most {@link #waitMillis}: a fresh container's
 * first events (its first exec) are otherwise projected before the runtime can have answered, and
 * a rule matching them would say nothing of the container. Waiting holds the node's later events
 * back too, which keeps their order; the bound keeps a slow runtime from stalling the stream.
 */
public final class CriResolver implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CriResolver.class);

    /** Where answers come from: the CRI client, one call per lookup. */
    public interface Runtime {
        /** The container, or null when the runtime does not know the id. */
        CriContainer containerStatus(String id) throws IOException;
    }

    private record Entry(CriContainer container, long retryAt) {
    }

    /** Asked, not answered yet. */
    private static final Entry PENDING = new Entry(null, Long.MAX_VALUE);

    private final Runtime runtime;
    private final int limit;
    private final long negativeNanos;
    private final long minBackoffNanos;
    private final long maxBackoffNanos;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor worker;

    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong found = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong waitTimeouts = new AtomicLong();
    private final AtomicLong waitedNanos = new AtomicLong();
    /** Ids whose lookup in flight has been waited for once already: later events do not wait again. */
    private final java.util.Set<String> waited = ConcurrentHashMap.newKeySet();
    /** Notified whenever a lookup ends. */
    private final Object answered = new Object();
    private volatile long waitNanos;

    // Worker thread only (read elsewhere for metrics).
    private volatile long backoffNanos;
    private volatile long retryAt;

    public CriResolver(Runtime runtime, int limit, long negativeMillis, long minBackoffMillis, long maxBackoffMillis,
                       int queueLimit) {
        if (limit < 1 || queueLimit < 1 || minBackoffMillis < 1 || maxBackoffMillis < minBackoffMillis) {
            throw new IllegalArgumentException("CRI cache limit " + limit + ", queue " + queueLimit + ", backoff "
                    + minBackoffMillis + ".." + maxBackoffMillis + " ms");
        }
        this.runtime = runtime;
        this.limit = limit;
        this.negativeNanos = TimeUnit.MILLISECONDS.toNanos(negativeMillis);
        this.minBackoffNanos = TimeUnit.MILLISECONDS.toNanos(minBackoffMillis);
        this.maxBackoffNanos = TimeUnit.MILLISECONDS.toNanos(maxBackoffMillis);
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueLimit), r -> {
            Thread t = new Thread(r, "cri-lookup");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The container's metadata if the runtime has already told it, else null (and, the first time
     * or once a negative answer has expired, a lookup is queued). Never blocks.
     */
    public CriContainer get(String fullId) {
        Entry e = entries.get(fullId);
        if (e != null) {
            if (e.container != null) {
                return e.container;
            }
            if (e == PENDING || System.nanoTime() - e.retryAt < 0 || !entries.replace(fullId, e, PENDING)) {
                return null;
            }
        } else {
            if (entries.size() >= limit) {
                evictOne();
            }
            if (entries.putIfAbsent(fullId, PENDING) != null) {
                return null;
            }
        }
        try {
            worker.execute(() -> lookup(fullId));
        } catch (RejectedExecutionException full) {
            // The queue is full (a burst of new containers, or a slow runtime): ask again later.
            entries.remove(fullId, PENDING);
            dropped.incrementAndGet();
        }
        return null;
    }

    /** How long {@link #resolve} waits for a lookup in flight; 0 (the default): never. */
    public CriResolver waitMillis(long millis) {
        this.waitNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
        return this;
    }

    public long waitMillis() {
        return TimeUnit.NANOSECONDS.toMillis(waitNanos);
    }

    /**
     * As {@link #get}, but when the id's lookup is in flight (just queued by this call or by an
     * earlier one) and nobody has waited for it yet, waits for its answer up to the bound. Called on
     * the event thread: it waits at most once per lookup, and allocates only then.
     */
    public CriContainer resolve(String fullId) {
        CriContainer c = get(fullId);
        long bound = waitNanos;
        if (c != null || bound <= 0) {
            return c;
        }
        Entry now = entries.get(fullId);
        if (now != PENDING) {
            // Answered since get (or never queued: the queue was full).
            return now == null ? null : now.container;
        }
        if (!waited.add(fullId)) {
            return null;
        }
        waits.incrementAndGet();
        long start = System.nanoTime();
        try {
            synchronized (answered) {
                long left;
                while (entries.get(fullId) == PENDING && (left = bound - (System.nanoTime() - start)) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(answered, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waitedNanos.addAndGet(System.nanoTime() - start);
        }
        Entry e = entries.get(fullId);
        if (e == PENDING) {
            waitTimeouts.incrementAndGet();
            return null;
        }
        // The answer may have come between the check and the add: do not keep the mark.
        waited.remove(fullId);
        return e == null ? null : e.container;
    }

    private void answered(String id) {
        waited.remove(id);
        synchronized (answered) {
            answered.notifyAll();
        }
    }

    private void evictOne() {
        Iterator<String> it = entries.keySet().iterator();
        while (it.hasNext()) {
            String k = it.next();
            if (entries.get(k) != PENDING) {
                it.remove();
                evictions.incrementAndGet();
                return;
            }
        }
    }

    private void lookup(String id) {
        try {
            lookupOnce(id);
        } finally {
            answered(id);
        }
    }

    private void lookupOnce(String id) {
        long now = System.nanoTime();
        if (backoffNanos > 0 && now - retryAt < 0) {
            // The runtime failed recently: no call until the backoff has passed.
            entries.replace(id, PENDING, new Entry(null, retryAt));
            deferred.incrementAndGet();
            return;
        }
        lookups.incrementAndGet();
        try {
            CriContainer c = runtime.containerStatus(id);
            if (backoffNanos > 0) {
                LOG.infof("CRI runtime answers again after %d failed lookups", failures.get());
            }
            backoffNanos = 0;
            // The entry first, then the count: whoever sees the count sees the answer.
            if (c == null) {
                entries.replace(id, PENDING, new Entry(null, now + negativeNanos));
                missing.incrementAndGet();
            } else {
                entries.replace(id, PENDING, new Entry(c, 0));
                found.incrementAndGet();
            }
        } catch (IllegalArgumentException bad) {
            LOG.warnf("CRI answer for container %s is malformed: %s", id, bad.getMessage());
            entries.replace(id, PENDING, new Entry(null, now + negativeNanos));
            malformed.incrementAndGet();
        } catch (IOException | RuntimeException failed) {
            long b = backoffNanos == 0 ? minBackoffNanos : Math.min(maxBackoffNanos, backoffNanos * 2);
            if (backoffNanos == 0) {
                LOG.warnf("CRI lookup of container %s failed (%s); retrying with backoff", id, failed.getMessage());
            } else {
                LOG.debugf("CRI lookup of container %s failed again (%s)", id, failed.getMessage());
            }
            backoffNanos = b;
            retryAt = now + b;
            entries.replace(id, PENDING, new Entry(null, retryAt));
            failures.incrementAndGet();
        }
    }

    public int size() {
        return entries.size();
    }

    public long lookups() {
        return lookups.get();
    }

    public long found() {
        return found.get();
    }

    public long missing() {
        return missing.get();
    }

    public long failures() {
        return failures.get();
    }

    public long malformed() {
        return malformed.get();
    }

    public long evictions() {
        return evictions.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Lookups answered "not now" without a call, during a backoff. */
    public long deferred() {
        return deferred.get();
    }

    /** Lookups the event thread waited for. */
    public long waits() {
        return waits.get();
    }

    /** Waits that reached the bound before the runtime answered. */
    public long waitTimeouts() {
        return waitTimeouts.get();
    }

    /** Time the event thread spent waiting, in total. */
    public long waitedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(waitedNanos.get());
    }

    /** The current backoff after failures, 0 while the runtime answers. */
    public long backoffMillis() {
        return TimeUnit.NANOSECONDS.toMillis(backoffNanos);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
