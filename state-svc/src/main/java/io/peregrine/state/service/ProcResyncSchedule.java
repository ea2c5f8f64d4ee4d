package io.peregrine.state.service;

import io.peregrine.state.frames.FrameApplier;
import io.micrometer.core.instrument.MeterRegistry;
import io.peregrine.state.threads.ProcResync;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every {@code peregrine.state.resync.interval-seconds} (60; 0 turns it off), repairs the thread
 * and fd tables of the node this service runs on against {@code /proc}: state-svc runs beside capture-svc
 * with the host's pid namespace. Other nodes' tables and replays are left alone.
 */
@ApplicationScoped
public class ProcResyncSchedule {
    private static final Logger LOG = Logger.getLogger(ProcResyncSchedule.class);
    /** A stream whose newest event is further than this from the clock is not live (a replay). */
    private static final long LIVE_WINDOW_NS = TimeUnit.MINUTES.toNanos(5);

    private final StateIngest ingest;
    private final long intervalSeconds;
    private final long graceNs;
    private final String node;
    private final ProcResync proc;
    private ScheduledExecutorService timer;

    public ProcResyncSchedule(StateIngest ingest, MeterRegistry metrics, StateConfig config) {
        StateConfig.Resync resync = config.state().resync();
        this.ingest = ingest;
        this.intervalSeconds = resync.intervalSeconds();
        this.graceNs = TimeUnit.SECONDS.toNanos(resync.graceSeconds());
        this.node = ingest.node();
        this.proc = new ProcResync(Path.of(resync.proc()));
        metrics.gauge("peregrine_state_resyncs", ingest.applier(), FrameApplier::resyncs);
        metrics.gauge("peregrine_state_resync_threads_removed", ingest.applier(), FrameApplier::resyncRemoved);
        metrics.gauge("peregrine_state_resync_fds_removed", ingest.applier(), FrameApplier::resyncFdsRemoved);
    }

    void start(@Observes StartupEvent e) {
        if (intervalSeconds <= 0) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proc-resync");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::resync, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        LOG.infof("resync of node %s from /proc every %d s", node, intervalSeconds);
    }

    private void resync() {
        try {
            long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
            int removed = ingest.applier().resync(node, proc, now, graceNs, LIVE_WINDOW_NS);
            if (removed > 0) {
                LOG.infof("resync from /proc: %d threads of node %s no longer exist, removed", removed, node);
            }
        } catch (RuntimeException ex) {
            LOG.warnf("resync from /proc failed: %s", ex.toString());
        }
    }

    void stop(@Observes ShutdownEvent e) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    public String node() {
        return node;
    }
}
