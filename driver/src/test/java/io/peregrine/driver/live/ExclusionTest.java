package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.proc.Cgroups;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.scap.EventCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exclusion of Peregrine's own processes, live: what is excluded (and what it starts) produces no
 * event; what is not excluded does, even when it calls itself like an excluded one.
 */
class ExclusionTest {
    static final String SH = "/bin/sh";
    static final String NATS = "/usr/sbin/nats-server";

    /** Every record copied, for searching by the markers in their paths. */
    static final class Recorded {
        final List<byte[]> records = new ArrayList<>();

        void collect(EventRecord r) {
            byte[] b = new byte[r.len()];
            r.copyTo(MemorySegment.ofArray(b), 0);
            records.add(b);
        }

        List<CapturedEvent> mentioning(String text) {
            byte[] needle = text.getBytes(StandardCharsets.UTF_8);
            List<CapturedEvent> out = new ArrayList<>();
            EventRecord r = new EventRecord();
            for (byte[] b : records) {
                if (indexOf(b, needle) >= 0) {
                    r.wrap(MemorySegment.ofArray(b), 0);
                    out.add(new CapturedEvent(r));
                }
            }
            return out;
        }

        long ofThread(long tid) {
            EventRecord r = new EventRecord();
            return records.stream().filter(b -> {
                r.wrap(MemorySegment.ofArray(b), 0);
                return r.tid() == tid;
            }).count();
        }

        static int indexOf(byte[] h, byte[] n) {
            outer:
            for (int i = 0; i + n.length <= h.length; i++) {
                for (int j = 0; j < n.length; j++) {
                    if (h[i + j] != n[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** Polls until {@code done} (checked between polls) or a hang bound. */
    static void pollUntil(LiveSource src, Recorded rec, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
        while (!done.getAsBoolean()) {
            if (src.poll(rec::collect, 4096) == 0) {
                Thread.sleep(1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
        }
    }

    /** Drains for a while longer: what should not arrive has had time to. */
    static void drain(LiveSource src, Recorded rec, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            if (src.poll(rec::collect, 4096) == 0) {
                Thread.sleep(1);
            }
        }
    }

    /**
     * A shell that forks a child at once (before capture starts), waits for {@code go}, then opens
     * its own marker file and has a child forked after capture started open another.
     */
    static Process actor(Path dir, String name, Path go, String executable, String... extraArgs) throws IOException {
        for (String m : List.of("early", "parent", "child")) {
            Files.writeString(dir.resolve(name + "-" + m), "x");
        }
        String wait = "while [ ! -e " + go + " ]; do sleep 0.02; done; ";
        String script = "(" + wait + "cat " + dir.resolve(name + "-early") + " >/dev/null) & "
                + wait + "cat " + dir.resolve(name + "-parent") + " >/dev/null; "
                + SH + " -c 'cat " + dir.resolve(name + "-child") + " >/dev/null'; wait";
        List<String> cmd = new ArrayList<>(List.of(executable, "-c", script));
        cmd.addAll(List.of(extraArgs));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** The subshell the actor forked at once (its other children are short-lived sleeps). */
    static ProcessHandle subshell(Process p) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            var sub = p.children().filter(c -> !c.info().command().orElse("sleep").endsWith("sleep")).findFirst();
            if (sub.isPresent()) {
                return sub.get();
            }
            assertTrue(System.nanoTime() < deadline, "the actor forked no subshell");
            Thread.sleep(5);
        }
    }

    static void assertSeen(Recorded rec, String marker) {
        assertFalse(rec.mentioning(marker).isEmpty(), () -> marker + " was opened, yet no event names it");
    }

    static void assertUnseen(Recorded rec, String marker) {
        List<CapturedEvent> l = rec.mentioning(marker);
        assertTrue(l.isEmpty(), () -> "excluded, yet recorded: " + marker + " in " + l);
    }

    @Test
    void anExcludedProcessAndItsChildrenMakeNoEventsWhileOthersDo(@TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString();
        Path go = dir.resolve("go");
        Process excluded = actor(dir, "ex-" + id, go, SH);
        Process visible = actor(dir, "vis-" + id, go, SH);
        long earlyChild = subshell(excluded).pid();
        subshell(visible);
        Recorded rec = new Recorded();
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSeed(false).withRingBytes(32 << 20)
                .withExcludePids(Set.of(excluded.pid())))) {
            assertTrue(src.excludes(excluded.pid()));
            assertTrue(src.excludes(earlyChild), "a child forked before capture started is excluded with its parent");
            assertFalse(src.excludes(visible.pid()));
            Files.writeString(go, "");
            assertEquals(0, excluded.waitFor());
            assertEquals(0, visible.waitFor());
            pollUntil(src, rec, () -> !rec.mentioning("vis-" + id + "-child").isEmpty()
                    && !rec.mentioning("vis-" + id + "-early").isEmpty());
            drain(src, rec, 300);
            assertSeen(rec, "vis-" + id + "-parent");
            assertUnseen(rec, "ex-" + id + "-early");
            assertUnseen(rec, "ex-" + id + "-parent");
            assertUnseen(rec, "ex-" + id + "-child");
            assertEquals(0, rec.ofThread(excluded.pid()), "not even the excluded process's exit is recorded");
            assertTrue(rec.ofThread(visible.pid()) > 0);
            // its last thread gone, its pid may be anyone's: no longer excluded
            assertFalse(src.excludes(excluded.pid()));
            assertFalse(src.excludes(earlyChild));
        }
    }

    /**
     * Exclusion is by kernel identity: programs named like the services (the exe and comm
     * {@code nats-server} or {@code java}, argv as the services have it) are seen, while the real
     * excluded ones of the same names (this JVM; a nats-server) are not.
     */
    @Test
    void aProcessNamedLikeAServiceIsStillSeen(@TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString();
        Path go = dir.resolve("go");
        Path fakeNats = Files.copy(Path.of(SH), dir.resolve("nats-server"), StandardCopyOption.COPY_ATTRIBUTES);
        Path fakeJava = Files.copy(Path.of(SH), dir.resolve("java"), StandardCopyOption.COPY_ATTRIBUTES);
        int port = freePort();
        Process nats = startNats(dir.resolve("real/.peregrine/nats"), port);
        Recorded rec = new Recorded();
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSeed(false).withRingBytes(32 << 20)
                .withExcludePids(Set.of(nats.pid())))) {
            Process n = actor(dir, "nats-" + id, go, fakeNats.toString(),
                    "-a", "127.0.0.1", "-p", Integer.toString(port), "-js", "-sd", dir + "/.peregrine/nats");
            Process j = actor(dir, "java-" + id, go, fakeJava.toString(),
                    "--enable-native-access=ALL-UNNAMED", "-jar", "capture-svc/target/quarkus-app/quarkus-run.jar");
            Files.writeString(go, "");
            assertEquals(0, n.waitFor());
            assertEquals(0, j.waitFor());
            pollUntil(src, rec, () -> !rec.mentioning("nats-" + id + "-child").isEmpty()
                    && !rec.mentioning("java-" + id + "-child").isEmpty());
            for (String who : List.of("nats", "java")) {
                for (String m : List.of("early", "parent", "child")) {
                    assertSeen(rec, who + "-" + id + "-" + m);
                }
            }
            List<String> comms = new ArrayList<>();
            for (CapturedEvent e : rec.mentioning(dir.toString())) {
                if (e.type() == EventCodes.PPME_SYSCALL_EXECVE_19_X) {
                    comms.add(e.str("comm"));
                }
            }
            assertTrue(comms.contains("nats-server") && comms.contains("java"),
                    "the impostors' own execs, under the services' names, are recorded: " + comms);
            assertEquals(0, rec.ofThread(nats.pid()), "the real nats-server stays excluded");
        } finally {
            nats.destroy();
            nats.waitFor();
        }
    }

    /**
     * The loop: nats-server writing its JetStream store under .peregrine fed the capture, which
     * made alerts, which nats-server stored. Excluded by pid as `./peregrine up` does it, its store
     * writes make no events; an identical nats-server not excluded is seen writing its own.
     */
    @Test
    void anExcludedNatsServerWritingItsJetStreamStoreMakesNoEvents(@TempDir Path dir) throws Exception {
        String id = UUID.randomUUID().toString();
        Path exStore = dir.resolve("ex-" + id + "/.peregrine/nats");
        Path visStore = dir.resolve("vis-" + id + "/.peregrine/nats");
        int exPort = freePort();
        int visPort = freePort();
        Process ex = startNats(exStore, exPort);
        Process vis = startNats(visStore, visPort);
        Recorded rec = new Recorded();
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSeed(false).withRingBytes(32 << 20)
                .withExcludePids(Set.of(ex.pid())))) {
            jetStreamWrites(exPort);
            jetStreamWrites(visPort);
            pollUntil(src, rec, () -> !rec.mentioning("vis-" + id + "/.peregrine/nats/jetstream").isEmpty());
            drain(src, rec, 1000); // the store's flusher writes on its own schedule
            assertUnseen(rec, "ex-" + id);
            assertEquals(0, rec.ofThread(ex.pid()));
            assertTrue(src.excludes(ex.pid()));
        } finally {
            ex.destroy();
            vis.destroy();
            ex.waitFor();
            vis.waitFor();
        }
    }

    /**
     * cgroup exclusion needs a writable cgroup v2 hierarchy (the one bpf_get_current_cgroup_id and
     * the probe's walk see). Where there is one, a process placed in an excluded cgroup, and its
     * child, make no events; a process outside does. Where there is none, what still holds is
     * checked: a directory that is not a cgroup v2 cgroup is refused, never silently ignored.
     */
    @Test
    void anExcludedCgroupMakesNoEvents(@TempDir Path dir) throws Exception {
        assertThrows(IOException.class, () -> Cgroups.id(dir), "a plain directory is not a cgroup");
        Path root = cgroup2Root();
        if (root == null) {
            System.out.println("ExclusionTest: no writable cgroup v2 hierarchy here; cgroup exclusion checked only for refusals");
            return;
        }
        assertThrows(IOException.class, () -> Cgroups.id(root), "the root cgroup would exclude everyone");
        String id = UUID.randomUUID().toString();
        Path cg = Files.createDirectory(root.resolve("peregrine-test-" + id));
        Path go = dir.resolve("go");
        Process excluded = actor(dir, "ex-" + id, go, SH);
        Process visible = actor(dir, "vis-" + id, go, SH);
        try {
            // moved with its already-forked child: a cgroup is not inherited backwards
            Files.writeString(cg.resolve("cgroup.procs"), Long.toString(excluded.pid()));
            Files.writeString(cg.resolve("cgroup.procs"), Long.toString(subshell(excluded).pid()));
            Recorded rec = new Recorded();
            try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSeed(false).withRingBytes(32 << 20)
                    .withExcludeCgroups(List.of(cg)))) {
                Files.writeString(go, "");
                assertEquals(0, excluded.waitFor());
                assertEquals(0, visible.waitFor());
                pollUntil(src, rec, () -> !rec.mentioning("vis-" + id + "-child").isEmpty());
                drain(src, rec, 300);
                assertUnseen(rec, "ex-" + id + "-early");
                assertUnseen(rec, "ex-" + id + "-parent");
                assertUnseen(rec, "ex-" + id + "-child");
                assertEquals(0, rec.ofThread(excluded.pid()));
                assertSeen(rec, "vis-" + id + "-parent");
            }
        } finally {
            excluded.destroy();
            excluded.waitFor();
            Files.delete(cg);
        }
    }

    /** Where cgroup2 is mounted read-write, or null. */
    static Path cgroup2Root() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = l.split(" ");
            if (f.length > 3 && f[2].equals("cgroup2") && List.of(f[3].split(",")).contains("rw")
                    && Files.isWritable(Path.of(f[1]))) {
                return Path.of(f[1]);
            }
        }
        return null;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Process startNats(Path store, int port) throws Exception {
        Files.createDirectories(store);
        Process p = new ProcessBuilder(NATS, "-a", "127.0.0.1", "-p", Integer.toString(port), "-js", "-sd", store.toString())
                .redirectErrorStream(true).redirectOutput(store.resolveSibling("nats.log").toFile()).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return p;
            } catch (IOException e) {
                assertTrue(p.isAlive(), "nats-server exited: " + Files.readString(store.resolveSibling("nats.log")));
                assertTrue(System.nanoTime() < deadline, "nats-server did not listen on " + port);
                Thread.sleep(20);
            }
        }
    }

    /** In the NATS text protocol: a file-backed stream, messages into it, and a round trip to flush. */
    static void jetStreamWrites(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            StringBuilder b = new StringBuilder("CONNECT {\"verbose\":false,\"pedantic\":false}\r\nSUB _INBOX.t 1\r\n");
            String create = "{\"name\":\"ALERTS\",\"subjects\":[\"alerts.>\"],\"storage\":\"file\"}";
            b.append("PUB $JS.API.STREAM.CREATE.ALERTS _INBOX.t ").append(create.length()).append("\r\n").append(create).append("\r\n");
            b.append("PING\r\n");
            out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitText(s, "MSG _INBOX.t"); // the stream exists
            b.setLength(0);
            for (int i = 0; i < 100; i++) {
                String msg = "{\"rule\":\"Create Hidden Files or Directories\",\"n\":" + i + "}";
                b.append("PUB alerts.x ").append(msg.length()).append("\r\n").append(msg).append("\r\n");
            }
            b.append("PING\r\n");
            out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitText(s, "PONG");
        }
    }

    static void awaitText(Socket s, String text) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[4096];
        while (seen.indexOf(text) < 0) {
            int n = s.getInputStream().read(buf);
            if (n < 0) {
                throw new IOException("nats-server closed the connection: " + seen);
            }
            seen.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        }
    }
}
