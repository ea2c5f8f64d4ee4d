package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.bpf.Syscall;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every syscall the probe claims to record ({@link Syscall}, all selected) is called for real by a
 * small C program, and each must arrive as its own event type, not as a generic record and not
 * not at all. The bpf() calls are checked with their parameters.
 */
class EverySyscallTest {

    @Test
    void everySelectedSyscallArrivesAsItsEvent(@TempDir Path dir) throws Exception {
        Path exe = compile(dir);
        Path work = Files.createDirectory(dir.resolve("work"));
        Set<Syscall> all = EnumSet.allOf(Syscall.class);
        Map<Integer, List<CapturedEvent>> byType = new HashMap<>();
        List<Long> generic = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        List<String> output;
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSeed(false).withSyscalls(all).withEnterSyscalls(EnumSet.of(Syscall.BPF))
                .withRingBytes(32 << 20))) {
            Process p = new ProcessBuilder(exe.toString(), work.toString()).redirectErrorStream(true).start();
            long pid = p.pid();
            Set<Long> tids = new HashSet<>(List.of(pid));
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(0, p.waitFor(), "the program failed: " + output);
            boolean[] exited = {false};
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            while (!exited[0]) {
                src.poll(r -> {
                    if (!tids.contains(r.tid())) {
                        // a child: its clone/fork record names the program as its parent
                        if (!isChildOf(r, pid)) {
                            return;
                        }
                        tids.add(r.tid());
                    }
                    String bad = CapturedEvent.conformance(r);
                    if (bad != null) {
                        malformed.add(bad);
                    }
                    if (r.type() == EventCodes.PPME_GENERIC_X) {
                        generic.add(r.number(1));
                    }
                    if (r.type() == EventCodes.PPME_PROCEXIT_1_E && r.tid() == pid) {
                        exited[0] = true;
                    }
                    byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(new CapturedEvent(r));
                }, 4096);
                assertTrue(System.nanoTime() < deadline, "the program's exit never arrived");
            }
        }
        List<String> missing = new ArrayList<>();
        StringBuilder table = new StringBuilder("syscall coverage (event type: count):\n");
        for (Syscall s : all) {
            int n = byType.getOrDefault(s.exitEvent(), List.of()).size();
            table.append(String.format("  %-13s %4d%n", s.syscallName(), n));
            if (n == 0) {
                missing.add(s.syscallName());
            }
        }
        System.out.print(table);
        assertEquals(List.of(), missing, "selected syscalls called for real without an event");
        assertEquals(List.of(), generic, "handled syscalls recorded generically");
        assertEquals(List.of(), malformed, "records that do not match the event table");

        // bpf: the result (the new fd) and the command (PPM_BPF_* = the Linux numbers)
        long map = value(output, "bpf_map_create");
        long prog = value(output, "bpf_prog_load");
        assertTrue(map >= 0 && prog >= 0, "both bpf() calls succeed as root: " + output);
        List<CapturedEvent> bpf = byType.get(EventCodes.PPME_SYSCALL_BPF_2_X);
        assertEquals(List.of(map + " 0", prog + " 5"),
                bpf.stream().map(e -> e.num("fd") + " " + e.num("cmd")).toList(), "fd and cmd of each bpf()");
        List<CapturedEvent> bpfEnter = byType.getOrDefault(EventCodes.PPME_SYSCALL_BPF_2_E, List.of());
        assertEquals(List.of(0L, 5L), bpfEnter.stream().map(e -> e.num("cmd")).toList(), "cmd of each bpf() enter");
    }

    private static boolean isChildOf(EventRecord r, long pid) {
        int t = r.type();
        return (t == EventCodes.PPME_SYSCALL_CLONE_20_X || t == EventCodes.PPME_SYSCALL_FORK_20_X
                || t == EventCodes.PPME_SYSCALL_VFORK_20_X || t == EventCodes.PPME_SYSCALL_CLONE3_X)
                && r.number(0) == 0 && r.number(5) == pid;
    }

    private static long value(List<String> output, String key) {
        for (String l : output) {
            String[] f = l.split(" ");
            if (f[0].equals(key)) {
                return Long.parseLong(f[1]);
            }
        }
        throw new AssertionError("no '" + key + "' line in " + output);
    }

    private static Path compile(Path dir) throws IOException, InterruptedException {
        Path c = dir.resolve("every-syscall.c");
        try (InputStream in = EverySyscallTest.class.getResourceAsStream("every-syscall.c")) {
            Files.write(c, in.readAllBytes());
        }
        Path exe = dir.resolve("every-syscall");
        Process cc = new ProcessBuilder("cc", "-O2", "-o", exe.toString(), c.toString()).redirectErrorStream(true).start();
        String out = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), out);
        return exe;
    }
}
