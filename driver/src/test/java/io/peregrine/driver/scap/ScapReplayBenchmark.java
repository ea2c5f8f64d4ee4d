package io.peregrine.driver.scap;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;

import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * "scap replay" benchmark (docs/benchmarks.md): writes a .scap of at least N events with
 * {@link ScapWriter} (the events of a shared fixture repeated with shifted timestamps), then measures
 * events per second for Peregrine's {@link ScapReader} and for {@code sysdig -r FILE "evt.num=0"}
 * (a filter that matches nothing, so sysdig parses every event and prints none), on the same file.
 *
 * <pre>java -cp driver/target/classes:driver/target/test-classes:protocol/target/classes \
 *   io.peregrine.driver.scap.ScapReplayBenchmark /tmp/peregrine-bench.scap 1000000</pre>
 */
public final class ScapReplayBenchmark {
    private ScapReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/peregrine-bench.scap");
        long target = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        Path fixture = Fixtures.scapDir().resolve("psp_run_as_user_0_container.scap");
        long written = write(fixture, file, target);
        System.out.printf(Locale.ROOT, "file %s: %d events, %d bytes%n", file, written, Files.size(file));

        // the first round includes JIT warm-up; best of the rest
        double best = 0;
        long events = 0;
        for (int round = 0; round < 8; round++) {
            long[] sink = new long[2];
            long t0 = System.nanoTime();
            try (ScapReader r = ScapReader.open(file)) {
                r.drain(e -> {
                    // touch what every consumer touches: header and each parameter's position
                    sink[0] += e.type() + e.tid();
                    int n = e.nparams();
                    if (n > 0) {
                        sink[1] += e.paramOffset(n - 1);
                    }
                });
                events = r.eventsRead() - r.seedsRead();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double rate = events / secs;
            if (round > 0) {
                best = Math.max(best, rate);
            }
            System.out.printf(Locale.ROOT, "peregrine round %d: %d events in %.3f s = %.0f events/s (%d)%n",
                    round, events, secs, rate, sink[0] + sink[1]);
        }
        double sysdigBest = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(SysdigReference.SYSDIG, "-r", file.toString(), "evt.num=0")
                    .redirectErrorStream(true).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            p.waitFor(30, TimeUnit.MINUTES);
            double secs = (System.nanoTime() - t0) / 1e9;
            double rate = written / secs;
            sysdigBest = Math.max(sysdigBest, rate);
            System.out.printf(Locale.ROOT, "sysdig round %d: exit %d, %d bytes printed, %.3f s = %.0f events/s%n",
                    round, p.exitValue(), out.length, secs, rate);
        }
        System.out.printf(Locale.ROOT, "best: peregrine %.0f events/s, sysdig %.0f events/s, ratio %.2fx%n",
                best, sysdigBest, best / sysdigBest);
    }

    /** Repeats the fixture's events (seeds once) until at least {@code target} events are written. */
    static long write(Path fixture, Path out, long target) throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        List<byte[]> events = new ArrayList<>();
        MachineInfo mi;
        try (ScapReader r = ScapReader.open(fixture)) {
            r.drain(e -> {
                byte[] b = new byte[e.len()];
                MemorySegment.copy(e.segment(), ValueLayout.JAVA_BYTE, e.offset(), b, 0, b.length);
                (EventTable.isSynthetic(e.type()) ? seeds : events).add(b);
            });
            mi = r.machineInfo();
        }
        long first = MemorySegment.ofArray(events.get(0)).get(EventRecord.I64, 0);
        long last = MemorySegment.ofArray(events.get(events.size() - 1)).get(EventRecord.I64, 0);
        long span = Math.max(1, last - first + 1);
        EventRecord rec = new EventRecord();
        long n = 0;
        try (ScapWriter w = ScapWriter.create(out, mi)) {
            for (byte[] s : seeds) {
                w.write(rec.wrap(MemorySegment.ofArray(s), 0));
            }
            for (int copy = 0; n < target; copy++) {
                for (byte[] e : events) {
                    MemorySegment seg = MemorySegment.ofArray(e);
                    long ts = seg.get(EventRecord.I64, 0);
                    seg.set(EventRecord.I64, 0, ts + (copy == 0 ? 0 : span));
                    w.write(rec.wrap(seg, 0));
                    n++;
                }
            }
        }
        return n;
    }
}
