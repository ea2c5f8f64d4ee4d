package io.peregrine.capture.source;

import io.peregrine.capture.pipeline.CaptureSource;
import io.peregrine.driver.bpf.Syscall;
import io.peregrine.driver.live.LiveOptions;
import io.peregrine.driver.live.LiveSource;
import io.peregrine.driver.source.EventSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The live eBPF source, with the kernel-side selection driven by the interest. The syscalls that
 * state needs to stay true (process lifecycle, fd lifecycle, identity) are always selected.
 */
final class LiveCapture implements CaptureSource {

    private static final Logger LOG = Logger.getLogger(LiveCapture.class);

    /** What state-svc needs whatever the rules are: without them the tables drift. */
    static final Set<Syscall> BASE = Collections.unmodifiableSet(EnumSet.of(
            Syscall.CLONE, Syscall.CLONE3, Syscall.FORK, Syscall.VFORK, Syscall.EXECVE, Syscall.EXECVEAT,
            Syscall.EXIT_GROUP, Syscall.OPEN, Syscall.OPENAT, Syscall.OPENAT2, Syscall.CREAT, Syscall.CLOSE,
            Syscall.DUP, Syscall.DUP2, Syscall.DUP3, Syscall.SOCKET, Syscall.CONNECT, Syscall.ACCEPT,
            Syscall.ACCEPT4, Syscall.BIND, Syscall.LISTEN, Syscall.MEMFD_CREATE, Syscall.SETUID,
            Syscall.SETGID, Syscall.SETREUID, Syscall.SETREGID, Syscall.SETRESUID, Syscall.SETRESGID));

    private static final long COUNTER_PERIOD_NANOS = 100_000_000L;

    private final LiveSource live;
    private volatile Set<String> selection;
    private long lost;
    private long lostReadAt;

    private LiveCapture(LiveSource live) {
        this.live = live;
        Set<String> all = new TreeSet<>();
        Syscall.defaults().forEach(s -> all.add(s.syscallName()));
        this.selection = all;
    }

    static LiveCapture open(Path hostRoot, Exclusions ex, int snaplen) throws IOException {
        LiveCapture c = new LiveCapture(LiveSource.open(LiveOptions.defaults().withHostRoot(hostRoot)
                .withExcludeSelf(ex.self()).withExcludePids(ex.pids()).withExcludeCgroups(ex.cgroups())
                .withSnaplen(snaplen)));
        LOG.infof("Excluded from capture: %s, pids %s with their descendants, cgroups %s",
                ex.self() ? "this process" : "not this process", ex.pids(), ex.cgroups());
        if (c.live.procSkipped() > 0) {
            LOG.warnf("Start-up /proc scan: %d processes skipped, their files could not be parsed; "
                    + "their state comes from their next events", c.live.procSkipped());
        }
        return c;
    }

    @Override
    public void exclude(Set<Long> pids) throws IOException {
        live.exclude(pids);
    }

    @Override
    public EventSource events() {
        return live;
    }

    @Override
    public String description() {
        return "live";
    }

    @Override
    public boolean finite() {
        return false;
    }

    /** Read from the kernel's per-CPU counters at most every 100 ms: it is a system call. */
    @Override
    public long kernelLost() {
        long now = System.nanoTime();
        if (now - lostReadAt >= COUNTER_PERIOD_NANOS) {
            lostReadAt = now;
            try {
                lost = live.counters().lost();
            } catch (IOException e) {
                LOG.debugf("Cannot read the probe's counters: %s", e.getMessage());
            }
        }
        return lost;
    }

    @Override
    public synchronized void select(Set<String> eventTypes, boolean all) {
        EnumSet<Syscall> want = all ? Syscall.defaults() : EnumSet.copyOf(BASE);
        Set<String> uncovered = new TreeSet<>();
        if (!all) {
            for (String t : eventTypes) {
                Syscall s = Syscall.byName(t);
                if (s != null) {
                    want.add(s);
                } else {
                    uncovered.add(t);
                }
            }
        }
        try {
            for (Syscall s : Syscall.values()) {
                live.select(s, want.contains(s));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot update the kernel's syscall selection: " + e.getMessage(), e);
        }
        Set<String> names = new TreeSet<>();
        want.forEach(s -> names.add(s.syscallName()));
        selection = Collections.unmodifiableSet(names);
        if (!uncovered.isEmpty()) {
            LOG.infof("Event types the rules use that the probe does not capture: %s", uncovered);
        }
    }

    @Override
    public synchronized void selectEnter(Set<String> syscalls) {
        try {
            for (Syscall s : Syscall.withEnterEvents()) {
                live.selectEnter(s, syscalls.contains(s.syscallName()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot update the kernel's enter selection: " + e.getMessage(), e);
        }
        if (!syscalls.isEmpty()) {
            LOG.infof("Enter events selected for: %s", syscalls);
        }
    }

    @Override
    public Set<String> selection() {
        return selection;
    }

    @Override
    public void close() {
        live.close();
    }
}
