package io.peregrine.state.bench;

import io.peregrine.driver.scap.ScapReader;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.ParamInfo;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.projection.NodeState;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark main (not a test): events per second through state update plus projection on one
 * thread, replaying the fixture mix in a loop; and heap per 10,000 threads holding 20 fds each.
 * Run: see docs/benchmarks.md.
 */
public final class StateBench {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOC = (com.sun.management.ThreadMXBean) CPU;

    static final Set<String> FIELDS = Set.of("proc.name", "proc.pname", "proc.cmdline", "proc.exepath",
            "proc.aname[2]", "proc.tty", "proc.cwd", "user.name", "user.loginuid", "fd.name", "fd.type",
            "fd.directory", "fd.sip", "fd.sport", "evt.res", "evt.arg.flags", "container.id", "evt.type");

    /** A capture file's records, concatenated: {seed events, the other events}. */
    static byte[][] read(Path file) throws Exception {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try (ScapReader r = ScapReader.open(file)) {
            r.drain(rec -> {
                byte[] b = new byte[rec.len()];
                MemorySegment.copy(rec.segment(), java.lang.foreign.ValueLayout.JAVA_BYTE, rec.offset(), b, 0, b.length);
                (EventTable.isSynthetic(rec.type()) ? s : e).writeBytes(b);
            });
        }
        return new byte[][] {s.toByteArray(), e.toByteArray()};
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../../shared/fixtures/scap");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        List<byte[]> seeds = new ArrayList<>();
        List<byte[]> events = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".scap")).sorted().toList()) {
                byte[][] read = read(f);
                seeds.add(read[0]);
                events.add(read[1]);
            }
        }
        if (args.length > 2 && args[2].equals("per-field")) {
            for (String f : FIELDS) {
                throughput(f, seeds, events, 1, Interest.of(true, Map.of("open", Set.of(f))));
            }
            return;
        }
        throughput("rules-like interest (open/openat/execve/connect/accept...; 18 fields)", seeds, events, seconds,
                Interest.of(false, Map.of("open", FIELDS, "openat", FIELDS, "execve", FIELDS, "connect", FIELDS,
                        "accept", FIELDS, "sendto", FIELDS, "write", FIELDS, "read", FIELDS)));
        throughput("every event type, 18 fields", seeds, events, seconds, Interest.of(true, Map.of("open", FIELDS)));
        memory();
    }

    private static int count(byte[] stream) {
        int n = 0;
        for (int at = 0; at < stream.length; at += MemorySegment.ofArray(stream).get(io.peregrine.protocol.event.EventRecord.I32, at + 16)) {
            n++;
        }
        return n;
    }

    static void throughput(String label, List<byte[]> seeds, List<byte[]> events, double seconds, Interest interest) {
        NodeState[] states = new NodeState[seeds.size()];
        ProjectionEncoder enc = new ProjectionEncoder(1 << 20);
        for (int i = 0; i < states.length; i++) {
            states[i] = new NodeState("bench");
            states[i].projector().interest(interest);
            MemorySegment s = MemorySegment.ofArray(seeds.get(i));
            for (long at = 0; at < s.byteSize(); at += s.get(io.peregrine.protocol.event.EventRecord.I32, at + 16)) {
                states[i].process(s, at, 0, enc);
            }
        }
        long perRound = 0;
        for (byte[] e : events) {
            perRound += count(e);
        }
        MemorySegment[] segs = events.stream().map(MemorySegment::ofArray).toArray(MemorySegment[]::new);
        long num = 0;
        long projected = 0;
        long total = 0;
        long start = System.nanoTime();
        long warm = start + (long) Math.min(3e9, seconds * 1e9);
        long end = warm + (long) (seconds * 1e9);
        long measuredStart = 0;
        long measuredEvents = 0;
        boolean measuring = false;
        long cpuStart = 0;
        long allocStart = 0;
        while (true) {
            long now = System.nanoTime();
            if (!measuring && now >= warm) {
                measuring = true;
                measuredStart = now;
                measuredEvents = 0;
                cpuStart = CPU.getCurrentThreadCpuTime();
                allocStart = ALLOC.getCurrentThreadAllocatedBytes();
            }
            if (now >= end) {
                break;
            }
            for (int i = 0; i < segs.length; i++) {
                MemorySegment s = segs[i];
                NodeState st = states[i];
                for (long at = 0; at < s.byteSize(); at += s.get(io.peregrine.protocol.event.EventRecord.I32, at + 16)) {
                    if (st.process(s, at, ++num, enc)) {
                        projected++;
                    }
                    if (enc.size() > (1 << 19)) {
                        enc.clear();
                    }
                }
            }
            total += perRound;
            measuredEvents += perRound;
        }
        double secs = (System.nanoTime() - measuredStart) / 1e9;
        double cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double allocPerEvent = (double) (ALLOC.getCurrentThreadAllocatedBytes() - allocStart) / measuredEvents;
        // CPU time of the replaying thread: the per-core rate, less distorted by a shared machine.
        System.out.printf("%s: %.2f M events/s wall, %.2f M events per CPU-second (%d events, %.1f s wall, "
                        + "%.1f s CPU; %.1f%% projected; %.2f bytes allocated per event)%n", label, measuredEvents / secs / 1e6,
                measuredEvents / cpu / 1e6, measuredEvents, secs, cpu, 100.0 * projected / total, allocPerEvent);
    }

    static void memory() {
        EventRecordBuilder b = new EventRecordBuilder();
        long before = used();
        NodeState st = new NodeState("bench");
        ProjectionEncoder enc = new ProjectionEncoder(256);
        EventType tt = EventTable.get(EventCodes.PEREGRINE_SEED_THREAD_E);
        EventType ft = EventTable.get(EventCodes.PEREGRINE_SEED_FD_E);
        for (int t = 0; t < 10_000; t++) {
            long tid = 1000 + t;
            b.begin(1, tid, tt.code(), tt.nparams());
            for (ParamInfo p : tt.params()) {
                switch (p.name()) {
                    case "tid", "vtid" -> b.addI64(tid);
                    case "pid", "vpid" -> b.addI64(tid);
                    case "ptid" -> b.addI64(1);
                    case "comm" -> b.addString("worker-" + (t % 50));
                    case "exe" -> b.addString("/usr/bin/worker");
                    case "exepath" -> b.addString("/usr/bin/worker");
                    case "cwd" -> b.addString("/srv/app/" + (t % 100));
                    case "args" -> b.addBytes(("--config\0/etc/app/" + t + ".yaml\0").getBytes());
                    case "cgroups" -> b.addBytes("cpu=/system.slice/app.service\0".getBytes());
                    default -> b.addEmpty();
                }
            }
            b.finish();
            st.process(b.segment(), 0, 0, enc);
            for (int fd = 3; fd < 23; fd++) {
                b.begin(1, tid, ft.code(), ft.nparams());
                for (ParamInfo p : ft.params()) {
                    switch (p.name()) {
                        case "tid" -> b.addI64(tid);
                        case "fd" -> b.addI64(fd);
                        case "fdtype" -> b.addU8(1);
                        case "name" -> b.addString("/var/lib/app/data/segment-" + t + "-" + fd + ".log");
                        default -> b.addEmpty();
                    }
                }
                b.finish();
                st.process(b.segment(), 0, 0, enc);
            }
        }
        long after = used();
        long fds = st.fdCount();
        System.out.printf("memory: %d threads, %d fds: %.1f MiB, %.0f bytes per (thread + 20 fds); "
                        + "budget 2 KiB + 20 x 200 B = 6144 B%n", st.threads().size(), fds, (after - before) / 1048576.0,
                (after - before) / 10_000.0);
        if (st.threads().size() < 0) {
            System.out.println(st);
        }
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return r.totalMemory() - r.freeMemory();
    }
}
