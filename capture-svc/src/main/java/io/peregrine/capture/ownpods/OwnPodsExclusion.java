package io.peregrine.capture.ownpods;

import io.peregrine.capture.pipeline.CaptureSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps Peregrine's own service processes on this node out of the capture while it runs: asks the
 * runtime for them now and every period after, since a pod may be started, restarted or moved
 * here at any time. What such a process did before it was found was recorded.
 */
public final class OwnPodsExclusion implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OwnPodsExclusion.class);

    private final ContainerRuntime runtime;
    private final OwnProcesses own;
    private final CaptureSource target;
    private final long periodMillis;
    private final Set<Long> reported = new HashSet<>();
    private String lastError;
    private Thread thread;
    private volatile boolean closed;

    public OwnPodsExclusion(ContainerRuntime runtime, OwnProcesses own, CaptureSource target, long periodMillis) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("the rediscovery period must be positive: " + periodMillis);
        }
        this.runtime = runtime;
        this.own = own;
        this.target = target;
        this.periodMillis = periodMillis;
    }

    /** Finds and excludes once now, then keeps doing so every period on a thread of its own. */
    public OwnPodsExclusion start() {
        once();
        thread = Thread.ofPlatform().daemon().name("own-pods-exclusion").start(this::loop);
        return this;
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            once();
        }
    }

    /** One round; the pids excluded in it (empty when the runtime could not be asked). */
    public synchronized Set<Long> once() {
        try {
            Set<Long> pids = own.among(runtime.running(own.namespace()));
            // every round, not only new ones: the call is idempotent, and a pid reused by a new
            // container of ours must not be skipped for having been seen before
            target.exclude(pids);
            Set<Long> fresh = new HashSet<>(pids);
            fresh.removeAll(reported);
            if (!fresh.isEmpty()) {
                LOG.infof("Excluded from capture: Peregrine's own processes %s (namespace %s, containers %s)",
                        fresh, own.namespace(), own.containerNames());
            }
            reported.clear();
            reported.addAll(pids);
            lastError = null;
            return pids;
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage();
            if (!String.valueOf(msg).equals(lastError)) {
                LOG.warnf("Cannot find Peregrine's own containers to exclude them (tried again every %d ms): %s",
                        periodMillis, msg);
            }
            lastError = String.valueOf(msg);
            return Set.of();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runtime.close();
    }
}
