package io.peregrine.state.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.bpf.Syscall;
import io.peregrine.driver.live.LiveOptions;
import io.peregrine.driver.live.LiveSource;
import io.peregrine.driver.scap.ScapWriter;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.scap.SysdigLegacyParams;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential harness on a live capture: a mixed workload (shells forked and exec'd, file
 * open/rename/unlink, a pipeline, TCP and UDP over 127.0.0.1 and ::1, TCP to the IPv4-mapped
 * ::ffff:127.0.0.1, unix sockets, a socketpair and a pipe) is recorded from the real kernel with the
 * /proc seeds, written to a .scap, and compared cell by cell like the fixtures ({@link
 * SysdigOracleTest}): the same fields, the same named divergences, the same bar. The capture is kept
 * as {@code target/live-oracle.scap}, the table as {@code target/sysdig-agreement-live.txt} and every
 * differing cell with its reason as {@code target/sysdig-differences-live.txt}.
 */
class LiveSysdigOracleTest {

    @Test
    void liveWorkloadAgreesWithSysdig(@TempDir Path dir) throws Exception {
        Path script = copy("live-workload.sh", dir);
        Path network = copy("live-network.py", dir);
        Path work = Files.createDirectories(dir.resolve("work"));
        // The host defaults, with the enter events sysdig 0.29.3 needs: it takes the fd of a close,
        // connect or bind exit and a socket's family from the enter event before it. The enter
        // events of opens are left out: they name no fd yet, and sysdig 0.29.3 shows a stale one.
        EnumSet<Syscall> selected = Syscall.defaults();
        EnumSet<Syscall> enter = Syscall.withEnterEvents();
        enter.removeAll(EnumSet.of(Syscall.OPEN, Syscall.OPENAT, Syscall.OPENAT2, Syscall.CREAT));
        List<byte[]> seeds = new ArrayList<>();
        List<byte[]> events = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        long pid;
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSeed(true).withSyscalls(selected)
                .withEnterSyscalls(enter).withRingBytes(32 << 20))) {
            Process p = new ProcessBuilder("/usr/bin/bash", script.toString(), work.toString(), network.toString())
                    .redirectErrorStream(true).start();
            pid = p.pid();
            Set<Long> tids = new HashSet<>(List.of(pid));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "the workload failed: " + out);
            boolean[] exited = {false};
            long deadline = System.nanoTime() + 60_000_000_000L; // a hang bound, not a speed check
            while (!exited[0]) {
                src.poll(r -> {
                    if (EventTable.isSynthetic(r.type())) {
                        seeds.add(copy(r));
                        return;
                    }
                    if (!tids.contains(r.tid())) {
                        if (!isChildOf(r, tids)) {
                            return; // the rest of the host
                        }
                        tids.add(r.tid());
                    }
                    if (readableBySysdig(r.type())) {
                        events.add(copy(r));
                    } else {
                        skipped.merge(EventTable.get(r.type()).name(), 1, Integer::sum);
                    }
                    exited[0] |= r.type() == EventCodes.PPME_PROCEXIT_1_E && r.tid() == pid;
                }, 4096);
                assertTrue(System.nanoTime() < deadline, "the workload's exit never arrived");
            }
        }
        Path file = dir.resolve("live-oracle.scap");
        EventRecord rec = new EventRecord();
        // The capture's own seeds carry the machine's interfaces (the writer's interface block): sysdig
        // decides from them which end of a connection is local and which socket is a server.
        assertTrue(seeds.stream().anyMatch(s -> rec.wrap(MemorySegment.ofArray(s), 0).type()
                == EventCodes.PEREGRINE_SEED_IFADDR_E), "the live seeds carry no interface");
        try (ScapWriter w = ScapWriter.create(file, null)) {
            for (byte[] s : seeds) {
                w.write(rec.wrap(MemorySegment.ofArray(s), 0));
            }
            for (byte[] e : events) {
                w.write(rec.wrap(MemorySegment.ofArray(e), 0));
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.copy(file, Path.of("target", "live-oracle.scap"), StandardCopyOption.REPLACE_EXISTING);

        List<String> fields = SysdigOracleTest.FIELDS;
        Map<Long, Map<String, String>> sysdig = SysdigFields.read(file, fields);
        Map<Long, Map<String, String>> mine = Replay.run(file, fields);
        String name = "live workload";
        AgreementTable table = new AgreementTable();
        table.eventsPerCapture.put(name, (long) sysdig.size());
        Map<String, Integer> unexplained = new TreeMap<>();
        StringBuilder examples = new StringBuilder();
        StringBuilder cells = new StringBuilder();
        Set<String> kinds = new HashSet<>();
        for (var e : sysdig.entrySet()) {
            Map<String, String> s = e.getValue();
            Map<String, String> m = mine.get(e.getKey());
            kinds.add(s.get("fd.typechar") + " " + s.get("fd.l4proto") + " " + s.get("fd.sockfamily"));
            for (String f : fields) {
                String want = s.get(f);
                String got = m == null ? SysdigOracleTest.NOT_PROJECTED
                        : f.equals("evt.num") ? Long.toString(e.getKey()) : m.getOrDefault(f, "<missing>");
                boolean equal = want.equals(got);
                String why = equal ? null : Divergences.explain(f, want, got, s, m);
                if (!equal && why == null) {
                    why = LiveDivergences.explain(f, want, got, s, m);
                }
                table.add(name, e.getKey(), f, equal, why);
                if (!equal) {
                    cells.append('#').append(e.getKey()).append(' ').append(s.get("evt.type")).append(s.get("evt.dir"))
                            .append(" fd ").append(s.get("fd.num")).append(' ').append(f).append(": sysdig '")
                            .append(want).append("' peregrine '").append(got).append("' -- ").append(why).append('\n');
                }
                if (!equal && why == null && unexplained.merge(f, 1, Integer::sum) <= 3) {
                    examples.append('#').append(e.getKey()).append(' ').append(s.get("evt.type"))
                            .append(s.get("evt.dir")).append(' ').append(f).append(": sysdig '").append(want)
                            .append("' peregrine '").append(got).append("'\n");
                }
            }
        }
        String text = table.render() + "\nleft out of the capture (types newer than sysdig 0.29.3): " + skipped + "\n";
        System.out.println(text);
        Files.writeString(Path.of("target", "sysdig-agreement-live.txt"), text, StandardCharsets.UTF_8);
        // every differing cell, for reading a divergence's cases one by one
        Files.writeString(Path.of("target", "sysdig-differences-live.txt"), cells, StandardCharsets.UTF_8);

        assertTrue(table.total.cells > 10_000, "too few cells compared to prove anything: " + table.total.cells);
        assertEquals(Map.of(), unexplained, "differences from sysdig 0.29.3 (3 examples per field):\n" + examples);
        // the workload reached sysdig: every kind of fd it made, and the addresses of each family
        Set<String> ips = new HashSet<>();
        for (Map<String, String> s : sysdig.values()) {
            ips.add(s.get("fd.sip"));
            ips.add(s.get("fd.cip"));
        }
        for (String kind : List.of("f <NA> <NA>", "p <NA> <NA>", "4 tcp ip", "4 udp ip", "6 tcp ip", "6 udp ip",
                "u <NA> unix")) {
            assertTrue(kinds.contains(kind), "no event on an fd of kind '" + kind + "' in " + kinds);
        }
        assertTrue(ips.contains("127.0.0.1") && ips.contains("::1"), "addresses seen: " + ips);
        // The bar is taken over the cells sysdig 0.29.3 can show at all: a parameter or an fd use its
        // event table does not have is no comparison (both are printed above, cell by cell).
        long inexpressible = LiveDivergences.INEXPRESSIBLE.stream()
                .mapToLong(d -> table.byDivergence.getOrDefault(d, 0L)).sum();
        double comparable = 100.0 * table.total.equal / (table.total.cells - inexpressible);
        System.out.printf("agreement %.3f %% of all cells; %.3f %% of the %d cells sysdig 0.29.3's table can"
                + " express%n", table.total.percent(), comparable, table.total.cells - inexpressible);
        assertTrue(comparable >= SysdigOracleTest.BAR,
                "agreement " + comparable + " % (of cells sysdig 0.29.3 can express) is below " + SysdigOracleTest.BAR + " %");
    }

    /**
     * sysdig 0.29.3 drops types above its table without numbering them, so the event numbers of both
     * sides would part at the first: the capture holds only what it reads (the writer stores accept4
     * and bpf in versions it knows).
     */
    private static boolean readableBySysdig(int type) {
        return type <= SysdigLegacyParams.MAX_CODE || type == EventCodes.PPME_SOCKET_ACCEPT4_6_E
                || type == EventCodes.PPME_SOCKET_ACCEPT4_6_X || type == EventCodes.PPME_SYSCALL_BPF_2_E
                || type == EventCodes.PPME_SYSCALL_BPF_2_X;
    }

    /** A clone/fork exit in the child that names a traced thread as its parent. */
    private static boolean isChildOf(EventRecord r, Set<Long> tids) {
        int t = r.type();
        return (t == EventCodes.PPME_SYSCALL_CLONE_20_X || t == EventCodes.PPME_SYSCALL_FORK_20_X
                || t == EventCodes.PPME_SYSCALL_VFORK_20_X || t == EventCodes.PPME_SYSCALL_CLONE3_X)
                && r.number(0) == 0 && tids.contains(r.number(5));
    }

    private static byte[] copy(EventRecord r) {
        byte[] b = new byte[r.len()];
        MemorySegment.copy(r.segment(), ValueLayout.JAVA_BYTE, r.offset(), b, 0, b.length);
        return b;
    }

    private static Path copy(String resource, Path dir) throws Exception {
        Path p = dir.resolve(resource);
        try (InputStream in = LiveSysdigOracleTest.class.getResourceAsStream(resource)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }
}
