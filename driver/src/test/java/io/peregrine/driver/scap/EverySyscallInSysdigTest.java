package io.peregrine.driver.scap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.bpf.Syscall;
import io.peregrine.driver.live.LiveOptions;
import io.peregrine.driver.live.LiveSource;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.scap.SysdigFormatter;
import io.peregrine.protocol.scap.SysdigLegacyParams;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Every event type the probe can emit (the exit event of each {@link Syscall} and the enter event of
 * each that has one), recorded live from the every-syscall program with everything selected for
 * enter and exit, written to a .scap with {@link ScapWriter} and read back by sysdig 0.29.3: each
 * type must be recorded, and each recorded event must print in sysdig with the same type, direction,
 * thread and every parameter's text as {@link SysdigFormatter} renders the same record.
 *
 * <p>What sysdig 0.29.3 cannot show is counted and printed, not compared: event types newer than its
 * table (it skips them) and trailing parameters its table does not have (docs/driver.md, "Live
 * events in sysdig").
 */
class EverySyscallInSysdigTest {
    /** Types {@link ScapWriter} stores in an older version sysdig 0.29.3 knows. */
    static final Map<Integer, Integer> LEGACY = Map.of(
            EventCodes.PPME_SOCKET_ACCEPT4_6_E, EventCodes.PPME_SOCKET_ACCEPT4_5_E,
            EventCodes.PPME_SOCKET_ACCEPT4_6_X, EventCodes.PPME_SOCKET_ACCEPT4_5_X,
            EventCodes.PPME_SYSCALL_BPF_2_E, EventCodes.PPME_SYSCALL_BPF_E,
            EventCodes.PPME_SYSCALL_BPF_2_X, EventCodes.PPME_SYSCALL_BPF_X);

    @Test
    void everyProbeEventTypePrintsInSysdigAsPeregrineFormatsIt(@TempDir Path dir) throws Exception {
        Path exe = compile(dir);
        Path work = Files.createDirectory(dir.resolve("work"));
        Set<Syscall> all = EnumSet.allOf(Syscall.class);
        // the list: every type the probe can emit for the syscalls it handles
        Map<Integer, String> emittable = new TreeMap<>();
        for (Syscall s : all) {
            emittable.put(s.exitEvent(), s.syscallName());
            if (s.hasEnterEvent()) {
                emittable.put(s.enterEvent(), s.syscallName());
            }
        }
        List<byte[]> seeds = new ArrayList<>();
        List<byte[]> events = new ArrayList<>();
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSeed(true).withSyscalls(all)
                .withEnterSyscalls(Syscall.withEnterEvents()).withRingBytes(32 << 20))) {
            Process p = new ProcessBuilder(exe.toString(), work.toString()).redirectErrorStream(true).start();
            long pid = p.pid();
            Set<Long> tids = new HashSet<>(List.of(pid));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "the program failed: " + out);
            boolean[] exited = {false};
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            while (!exited[0]) {
                src.poll(r -> {
                    if (EventTable.isSynthetic(r.type())) {
                        seeds.add(copy(r));
                        return;
                    }
                    if (!tids.contains(r.tid())) {
                        if (!isChildOf(r, tids)) {
                            return;
                        }
                        tids.add(r.tid());
                    }
                    events.add(copy(r));
                    exited[0] |= r.type() == EventCodes.PPME_PROCEXIT_1_E && r.tid() == pid;
                }, 4096);
                assertTrue(System.nanoTime() < deadline, "the program's exit never arrived");
            }
        }
        assertTrue(!seeds.isEmpty(), "seed events from /proc");

        Path file = dir.resolve("every-syscall.scap");
        EventRecord rec = new EventRecord();
        try (ScapWriter w = ScapWriter.create(file, null)) {
            for (byte[] s : seeds) {
                w.write(rec.wrap(MemorySegment.ofArray(s), 0));
            }
            for (byte[] e : events) {
                w.write(rec.wrap(MemorySegment.ofArray(e), 0));
            }
        }
        // kept for a look with sysdig when the comparison fails
        Files.createDirectories(Path.of("target"));
        Files.copy(file, Path.of("target", "every-syscall.scap"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // what the probe recorded, per type
        Map<Integer, Integer> recorded = new TreeMap<>();
        for (byte[] e : events) {
            recorded.merge(rec.wrap(MemorySegment.ofArray(e), 0).type(), 1, Integer::sum);
        }
        // Peregrine's formatting of the records as the file holds them (the writer stores accept4 and
        // bpf in the older versions sysdig 0.29.3 knows)
        List<Decoded> written;
        try (ScapReader reader = ScapReader.open(file)) {
            long[] num = {0};
            written = SysdigComparison.displayed(Decoded.readAll(reader, () -> ++num[0], null));
        }
        List<Decoded> expected = new ArrayList<>();
        Map<String, Integer> newerTypes = new TreeMap<>();
        Map<String, Integer> newerParams = new TreeMap<>();
        for (Decoded d : written) {
            String name = d.dir() + d.name();
            if (d.type() > SysdigLegacyParams.MAX_CODE) {
                newerTypes.merge(name, 1, Integer::sum); // sysdig 0.29.3 skips types it does not know
                continue;
            }
            int n = SysdigLegacyParams.nparams(d.type(), d.args().size());
            if (n < d.args().size()) {
                newerParams.merge(name + " " + d.args().subList(n, d.args().size()).stream().map(Decoded.Arg::name)
                        .toList(), 1, Integer::sum);
            }
            expected.add(new Decoded(d.num(), d.type(), d.name(), d.dir(), d.tid(), d.ts(), d.args().subList(0, n), d.raw()));
        }
        assertEquals(events.size(), written.size(), "events read back from the file");

        StringBuilder table = new StringBuilder("probe event types recorded live and printed by sysdig 0.29.3:\n");
        List<String> notRecorded = new ArrayList<>();
        for (var t : emittable.entrySet()) {
            EventType et = EventTable.get(t.getKey());
            int n = recorded.getOrDefault(t.getKey(), 0);
            boolean newer = t.getKey() > SysdigLegacyParams.MAX_CODE && !LEGACY.containsKey(t.getKey());
            table.append(String.format("  %-28s %-14s %5d  %s%n", et.constant(), t.getValue() + " " + et.direction().symbol(), n,
                    newer ? "not in sysdig 0.29.3's table: not compared"
                            : LEGACY.containsKey(t.getKey()) ? "compared as " + EventTable.get(LEGACY.get(t.getKey())).constant()
                            : "compared"));
            if (n == 0) {
                notRecorded.add(et.constant());
            }
        }
        table.append("other types recorded: ");
        recorded.keySet().stream().filter(k -> !emittable.containsKey(k))
                .forEach(k -> table.append(EventTable.get(k).constant()).append(' '));
        table.append("\nparameters newer than sysdig 0.29.3's table (not compared): ").append(newerParams);
        table.append("\nevents of types newer than sysdig 0.29.3 (skipped by it): ").append(newerTypes).append('\n');
        System.out.print(table);

        assertEquals(List.of(), notRecorded, "event types the probe can emit but did not record");
        List<SysdigReference.Line> sysdig = SysdigReference.read(file);
        List<String> diffs = SysdigComparison.compare(expected, sysdig, false);
        assertTrue(diffs.isEmpty(), String.join("\n", diffs));
        assertEquals(expected.size(), sysdig.size(), "events sysdig prints");
        // every compared type reached sysdig's output, in both directions where the probe has both
        Set<String> printed = new HashSet<>();
        for (SysdigReference.Line l : sysdig) {
            printed.add(l.type() + " " + l.dir());
        }
        List<String> unprinted = new ArrayList<>();
        for (var t : emittable.entrySet()) {
            int code = LEGACY.getOrDefault(t.getKey(), t.getKey());
            if (code <= SysdigLegacyParams.MAX_CODE) {
                EventType et = EventTable.get(code);
                String name = et.name() + " " + et.direction().symbol();
                if (!printed.contains(name)) {
                    unprinted.add(name);
                }
            }
        }
        assertEquals(List.of(), unprinted, "event types sysdig did not print");
        // the address texts were among those compared: IPv4-mapped and ::1 connects, as sysdig prints them
        List<String> connects = sysdig.stream().filter(l -> l.type().equals("connect") && l.dir().equals(">"))
                .map(SysdigReference.Line::args).toList();
        assertTrue(connects.stream().anyMatch(a -> a.contains("addr=::ffff:127.0.0.1:")), "mapped connect: " + connects);
        assertTrue(connects.stream().anyMatch(a -> a.contains("addr=::1:")), "::1 connect: " + connects);
    }

    /** A clone/fork exit in the child names a traced thread as its parent. */
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

    private static Path compile(Path dir) throws Exception {
        Path c = dir.resolve("every-syscall.c");
        try (InputStream in = EverySyscallInSysdigTest.class.getResourceAsStream("/io/peregrine/driver/live/every-syscall.c")) {
            Files.write(c, in.readAllBytes());
        }
        Path exe = dir.resolve("every-syscall");
        Process cc = new ProcessBuilder("cc", "-O2", "-o", exe.toString(), c.toString()).redirectErrorStream(true).start();
        String out = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), out);
        return exe;
    }
}
