package io.peregrine.driver.scap;

import io.peregrine.driver.bpf.Syscall;
import io.peregrine.driver.live.LiveOptions;
import io.peregrine.driver.live.LiveSource;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.scap.SysdigFormatter;
import io.peregrine.protocol.scap.SysdigLegacyParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live capture -> .scap -> sysdig: the events the probe captured of a child process, written with
 * the /proc seed lists, print in sysdig 0.29.3 with the same types, threads and arguments as
 * Peregrine decodes them. Runs as root against the real kernel (CI does).
 */
class LiveToScapTest {
    @TempDir
    Path tmp;

    @Test
    void liveEventsOpenInSysdig() throws Exception {
        List<String> types = captureAndCompare(LiveOptions.defaults().withSeed(true));
        assertTrue(types.contains("execve") && types.contains("procexit"), "captured " + types);
    }

    /** Enter events (sys_enter) print in sysdig as enter events of their syscall, with their parameters. */
    @Test
    void liveEnterEventsOpenInSysdig() throws Exception {
        List<String> types = captureAndCompare(LiveOptions.defaults().withSeed(true)
                .withEnterSyscalls(EnumSet.of(Syscall.OPENAT, Syscall.CLOSE, Syscall.EXECVE)));
        assertTrue(types.contains(">openat") && types.contains("<openat"), "captured " + types);
        assertTrue(types.contains(">execve") && types.contains(">close"), "captured " + types);
    }

    /** Captures a shell's events with these options, compares them with sysdig; returns dir+type of each event. */
    private List<String> captureAndCompare(LiveOptions options) throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        List<byte[]> events = new ArrayList<>();
        long pid;
        try (LiveSource src = LiveSource.open(options)) {
            // seeds first: the /proc scan
            Process p = new ProcessBuilder("/bin/sh", "-c", "read x < /etc/hostname; exec /bin/cat /etc/hostname")
                    .redirectErrorStream(true).start();
            pid = p.pid();
            long[] exited = {0};
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            while (exited[0] == 0 && System.nanoTime() < deadline) {
                int n = src.poll(r -> {
                    if (EventTable.isSynthetic(r.type())) {
                        seeds.add(copy(r));
                    } else if (r.tid() == pid) {
                        events.add(copy(r));
                        if (r.type() == EventCodes.PPME_PROCEXIT_1_E) {
                            exited[0] = 1;
                        }
                    }
                }, 4096);
                if (n == 0) {
                    Thread.sleep(1);
                }
            }
            p.waitFor();
        }
        assertTrue(events.size() > 10, "events of the child: " + events.size());
        assertTrue(!seeds.isEmpty(), "seed events from /proc");

        Path file = tmp.resolve("live.scap");
        EventRecord rec = new EventRecord();
        try (ScapWriter w = ScapWriter.create(file, null)) {
            for (byte[] s : seeds) {
                w.write(rec.wrap(MemorySegment.ofArray(s), 0));
            }
            for (byte[] e : events) {
                w.write(rec.wrap(MemorySegment.ofArray(e), 0));
            }
        }
        SysdigFormatter f = new SysdigFormatter();
        List<Decoded> expected = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> dirTypes = new ArrayList<>();
        for (byte[] e : events) {
            rec.wrap(MemorySegment.ofArray(e), 0);
            types.add(SysdigFormatter.typeName(rec));
            dirTypes.add(rec.direction().symbol() + SysdigFormatter.typeName(rec));
            if (rec.type() > SysdigLegacyParams.MAX_CODE) {
                continue; // newer than sysdig 0.29: it skips them
            }
            Decoded d = Decoded.of(0, rec, f);
            int n = SysdigLegacyParams.nparams(d.type(), d.args().size());
            expected.add(new Decoded(0, d.type(), d.name(), d.dir(), d.tid(), d.ts(), d.args().subList(0, n), d.raw()));
        }
        List<SysdigReference.Line> sysdig = SysdigReference.read(file);
        List<String> diffs = SysdigComparison.compare(expected, sysdig, false);
        assertTrue(diffs.isEmpty(), String.join("\n", diffs));
        assertEquals(expected.size(), sysdig.size());
        List<String> all = new ArrayList<>(types);
        all.addAll(dirTypes);
        return all;
    }

    private static byte[] copy(EventRecord r) {
        byte[] b = new byte[r.len()];
        MemorySegment.copy(r.segment(), ValueLayout.JAVA_BYTE, r.offset(), b, 0, b.length);
        return b;
    }
}
