package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.bpf.Probe;
import io.peregrine.driver.bpf.Syscall;
import io.peregrine.protocol.scap.EventCodes;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data parameter of I/O calls on the real kernel: a python program moves known bytes (every
 * byte value) through a pipe, a file, loopback TCP and UDP (sendto/recvfrom, a three-piece sendmsg
 * received into two buffers by recvmsg, a datagram cut by MSG_TRUNC, whose result exceeds the
 * buffer) and prints what each call transferred. Each record's data must be exactly the first
 * min(snaplen, transferred) bytes; the program runs once per snaplen, changed while capturing.
 */
class IoDataTest {
    static final EnumSet<Syscall> IO = EnumSet.of(Syscall.READ, Syscall.WRITE, Syscall.SENDTO, Syscall.RECVFROM,
            Syscall.SENDMSG, Syscall.RECVMSG, Syscall.EXIT_GROUP);
    static final Map<String, Integer> TYPES = Map.of(
            "read", EventCodes.PPME_SYSCALL_READ_X,
            "write", EventCodes.PPME_SYSCALL_WRITE_X,
            "sendto", EventCodes.PPME_SOCKET_SENDTO_X,
            "recvfrom", EventCodes.PPME_SOCKET_RECVFROM_X,
            "sendmsg", EventCodes.PPME_SOCKET_SENDMSG_X,
            "recvmsg", EventCodes.PPME_SOCKET_RECVMSG_X);

    @Test
    void dataIsTheFirstSnaplenBytes(@TempDir Path dir) throws Exception {
        Path script = script(dir);
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSeed(false).withSyscalls(IO))) {
            assertEquals(Probe.DEFAULT_SNAPLEN, LiveOptions.defaults().snaplen());
            check(src, script, dir, "default", Probe.DEFAULT_SNAPLEN);
            src.snaplen(0);
            check(src, script, dir, "none", 0);
            src.snaplen(256);
            check(src, script, dir, "larger", 256);
            src.snaplen(Probe.MAX_SNAPLEN);
            check(src, script, dir, "max", Probe.MAX_SNAPLEN);
            assertThrows(IllegalArgumentException.class, () -> src.snaplen(Probe.MAX_SNAPLEN + 1));
            assertThrows(IllegalArgumentException.class, () -> src.snaplen(-1));
        }
        assertThrows(IllegalArgumentException.class, () -> LiveOptions.defaults().withSnaplen(Probe.MAX_SNAPLEN + 1));
    }

    static Path script(Path dir) throws Exception {
        Path script = dir.resolve("io-data.py");
        try (InputStream in = IoDataTest.class.getResourceAsStream("io-data.py")) {
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    /** Runs the program under capture; returns its output lines and its records. */
    static List<String> run(LiveSource src, Path script, Path dir, String tag, List<CapturedEvent> events)
            throws Exception {
        Process p = new ProcessBuilder(LiveCaptureTest.PYTHON, script.toString(), tag, dir.toString())
                .redirectErrorStream(true).start();
        long pid = p.pid();
        List<String> output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.waitFor(), "the program failed: " + output);
        boolean[] exited = {false};
        long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
        while (!exited[0]) {
            src.poll(r -> {
                if (r.tid() == pid) {
                    exited[0] |= r.type() == EventCodes.PPME_PROCEXIT_1_E;
                    events.add(new CapturedEvent(r));
                }
            }, 4096);
            assertTrue(System.nanoTime() < deadline, "the program's exit never arrived");
        }
        return output;
    }

    private static void check(LiveSource src, Path script, Path dir, String tag, int snaplen) throws Exception {
        List<CapturedEvent> events = new ArrayList<>();
        List<String> output = run(src, script, dir, tag, events);
        int from = 0; // single-threaded: records come in call order
        List<String> checked = new ArrayList<>();
        for (String l : output) {
            String[] f = l.split(" ");
            int type = TYPES.get(f[0]);
            long fd = Long.parseLong(f[1]);
            long res = Long.parseLong(f[2]);
            byte[] moved = HexFormat.of().parseHex(f.length > 3 ? f[3] : "");
            int at = from;
            while (at < events.size() && !(events.get(at).type() == type && events.get(at).num("fd") == fd
                    && events.get(at).num("res") == res)) {
                at++;
            }
            assertTrue(at < events.size(), tag + ": no record for " + f[0] + " " + f[1] + " " + f[2]);
            from = at + 1;
            byte[] expected = java.util.Arrays.copyOf(moved, (int) Math.min(snaplen, moved.length));
            assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(events.get(at).bytes("data")),
                    tag + " (snaplen " + snaplen + "): " + f[0] + " fd " + fd + " of " + res + " bytes");
            String v = CapturedEvent.conformance(events.get(at).rec);
            assertEquals(null, v, tag + ": " + f[0]);
            checked.add(f[0]);
        }
        assertEquals(List.of("write", "read", "write", "read", "write", "read", "sendto", "recvfrom", "sendto",
                "recvfrom", "recvfrom", "sendmsg", "recvmsg"), checked, tag);
    }
}
