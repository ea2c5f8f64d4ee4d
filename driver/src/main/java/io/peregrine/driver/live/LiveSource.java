package io.peregrine.driver.live;

import io.peregrine.driver.bpf.DriverUnavailableException;
import io.peregrine.driver.bpf.Exclusion;
import io.peregrine.driver.bpf.Probe;
import io.peregrine.driver.bpf.ProbeCounters;
import io.peregrine.driver.bpf.Syscall;
import io.peregrine.driver.proc.Cgroups;
import io.peregrine.driver.proc.ProcScanner;
import io.peregrine.driver.proc.ProcessTree;
import io.peregrine.driver.proc.SeedRecords;
import io.peregrine.driver.ring.BpfRing;
import io.peregrine.driver.ring.IdleWait;
import io.peregrine.driver.source.EventConsumer;
import io.peregrine.driver.source.EventSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Live capture: the probe attached to the kernel, the seed events of a /proc scan taken right
 * after attaching (so no process falls between the scan and the stream), then the ring buffer.
 * One thread polls a source.
 */
public final class LiveSource implements EventSource {
    private final Probe probe;
    private final BpfRing ring;
    private final SeedRecords seeds;
    private long seedsDelivered;
    /** Processes the start-up /proc scan skipped because their files could not be parsed. */
    private int procSkipped;

    /** The host's /proc, read to find what an excluded process started. */
    private final Path proc;

    private LiveSource(Probe probe, BpfRing ring, SeedRecords seeds, Path proc) {
        this.proc = proc;
        this.probe = probe;
        this.ring = ring;
        this.seeds = seeds;
    }

    public static LiveSource open(LiveOptions options) throws IOException {
        Path proc = options.hostRoot().resolve("proc");
        // The capture itself starts no processes: one it started would be news, so only its own
        // thread group is left out. The named processes go with what they started already; the
        // probe's fork hook adds what they start once it is attached.
        Set<Long> self = options.excludeSelf() ? Set.of(ProcessHandle.current().pid()) : Set.of();
        Set<Long> named = ProcessTree.withDescendants(proc, options.excludePids());
        Set<Long> cgroups = new HashSet<>();
        for (Path c : options.excludeCgroups()) {
            cgroups.add(Cgroups.id(c));
        }
        Probe probe = Probe.load(options.ringBytes(), new Exclusion(self, named, cgroups), options.syscalls(),
                options.enterSyscalls(), options.snaplen());
        BpfRing ring = null;
        try {
            if (!named.isEmpty()) {
                settleExclusion(probe, proc, named);
            }
            ring = BpfRing.map(probe.ringFd(), probe.ringSize());
            SeedRecords seeds = new SeedRecords();
            int skipped = 0;
            if (options.seed()) {
                ProcScanner scanner = new ProcScanner(options.hostRoot().resolve("proc"), options.hostRoot().resolve("etc"));
                scanner.scan(seeds);
                skipped = scanner.skipped();
            }
            LiveSource source = new LiveSource(probe, ring, seeds, proc);
            source.procSkipped = skipped;
            return source;
        } catch (IOException | RuntimeException e) {
            if (ring != null) {
                ring.close();
            }
            probe.close();
            throw e;
        }
    }

    /**
     * Between the /proc reading and the attaching, an excluded process may have forked (unseen by
     * the fork hook) or exited (its entry would outlive it, and a reused pid would be hidden). Now
     * that the hooks see both, read again until nothing changes.
     */
    private static void settleExclusion(Probe probe, Path proc, Set<Long> named) throws IOException {
        Set<Long> known = new HashSet<>(named);
        for (int round = 0; round < 10; round++) {
            Set<Long> now = ProcessTree.withDescendants(proc, known);
            boolean changed = false;
            for (long p : now) {
                if (!known.contains(p)) {
                    probe.excludeProcess(p, true);
                    changed = true;
                }
            }
            for (var it = known.iterator(); it.hasNext(); ) {
                long p = it.next();
                if (!now.contains(p) && !ProcessTree.exists(proc, p)) {
                    probe.forgetProcess(p);
                    it.remove();
                }
            }
            known.addAll(now);
            if (!changed) {
                return;
            }
        }
    }

    /**
     * Leaves out processes found while capturing (e.g. Peregrine's own containers, started after
     * the capture), with every process they started and will start. Their events until now were
     * recorded. A pid that no longer exists is ignored.
     */
    public synchronized void exclude(Set<Long> pids) throws IOException {
        Set<Long> now = ProcessTree.withDescendants(proc, pids);
        for (long p : now) {
            probe.excludeProcess(p, true);
        }
        if (!now.isEmpty()) {
            settleExclusion(probe, proc, now);
        }
    }

    /** Whether the probe leaves thread group {@code tgid} out now. */
    public boolean excludes(long tgid) {
        return probe.processExcluded(tgid);
    }

    @Override
    public int poll(EventConsumer consumer, int max) {
        int n = 0;
        if (seedsDelivered < seeds.count()) {
            n = seeds.deliver(consumer, max);
            seedsDelivered += n;
            if (n >= max) {
                return n;
            }
        }
        return n + ring.poll(consumer, max - n);
    }

    /** Polls until {@code stop} says so, waiting adaptively when the ring is empty. */
    public long run(EventConsumer consumer, BooleanSupplier stop) {
        IdleWait wait = new IdleWait();
        long total = 0;
        while (!stop.getAsBoolean()) {
            int n = poll(consumer, 4096);
            if (n == 0) {
                wait.idle();
            } else {
                wait.reset();
                total += n;
            }
        }
        return total;
    }

    /** Turns recording of a syscall on or off while capturing. */
    public void select(Syscall s, boolean on) throws DriverUnavailableException {
        probe.select(s, on);
    }

    /**
     * Turns recording of a syscall on or off by its x86_64 number; syscalls without a dedicated
     * handler are recorded as generic "syscall" events carrying their number.
     */
    public void selectNumber(int nr, boolean on) throws DriverUnavailableException {
        probe.selectNumber(nr, on);
    }

    /** Turns the enter event of a syscall on or off while capturing (the exit selection is separate). */
    public void selectEnter(Syscall s, boolean on) throws DriverUnavailableException {
        probe.selectEnter(s, on);
    }

    /** Enter selection by x86_64 number; numbers without an enter handler give generic enter records. */
    public void selectEnterNumber(int nr, boolean on) throws DriverUnavailableException {
        probe.selectEnterNumber(nr, on);
    }

    /**
     * Changes how many bytes of an I/O call's buffer its {@code data} parameter keeps (0 to
     * {@link Probe#MAX_SNAPLEN}) while capturing.
     */
    public void snaplen(int bytes) throws DriverUnavailableException {
        probe.snaplen(bytes);
    }

    /** The probe's in-kernel counters of records written and lost. */
    public ProbeCounters counters() throws DriverUnavailableException {
        return probe.counters();
    }

    /** Bytes in the ring not yet read. */
    public long pendingBytes() {
        return ring.pending();
    }

    @Override
    public long eventsRead() {
        return seedsDelivered + ring.delivered();
    }

    @Override
    public long eventsSkipped() {
        // Each resynchronisation counts once: how many events its bytes held is unknown.
        return ring.discarded() + ring.malformed() + ring.corrupt();
    }

    /** Processes the start-up /proc scan left out because their files could not be parsed. */
    public int procSkipped() {
        return procSkipped;
    }

    /** Times the ring reader met a record length it could not trust and resynchronised. */
    public long ringCorrupt() {
        return ring.corrupt();
    }

    @Override
    public void close() {
        probe.close();
        ring.close();
    }
}
