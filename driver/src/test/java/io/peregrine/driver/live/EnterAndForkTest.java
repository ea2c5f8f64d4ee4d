package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.bpf.Syscall;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventDirection;
import io.peregrine.protocol.event.EventRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sys_enter hook with its own selection, and the child-side clone record from
 * sched_process_fork, on the real kernel.
 */
class EnterAndForkTest {
    /**
     * Opens a path for writing, connects to a port, signals itself with 0, runs a thread, forks a
     * child that exits 3, then execs /bin/true.
     */
    static final String SCRIPT = """
            import os, socket, sys, threading
            path, port = sys.argv[1], int(sys.argv[2])
            fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o640)
            os.close(fd)
            s = socket.socket()
            s.connect(("127.0.0.1", port))
            s.close()
            os.kill(os.getpid(), 0)
            ids = []
            th = threading.Thread(target=lambda: ids.append(threading.get_native_id()))
            th.start()
            th.join()
            print("thread", ids[0], flush=True)
            c = os.fork()
            if c == 0:
                os._exit(3)
            os.waitpid(c, 0)
            print("child", c, flush=True)
            os.execv("/bin/true", ["/bin/true", "pg-enter-marker"])
            """;
    static final Set<Syscall> ENTER = EnumSet.of(Syscall.OPENAT, Syscall.CONNECT, Syscall.KILL, Syscall.EXECVE);
    static LiveSource source;

    @BeforeAll
    static void start() throws IOException {
        source = LiveSource.open(LiveOptions.defaults().withSeed(false).withRingBytes(32 << 20));
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
    }

    @AfterEach
    void deselect() throws IOException {
        for (Syscall s : ENTER) {
            source.selectEnter(s, false);
        }
    }

    /** The events of the script's process and of the children it forks, and every enter record seen meanwhile. */
    static final class Run {
        final List<CapturedEvent> events = new ArrayList<>();
        final List<CapturedEvent> enterFromAnyone = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();
        final Set<Long> tids = new HashSet<>();
        final long pid;
        final long child;
        final long thread;
        final Path file;
        final int port;

        Run(Path file, int port) throws Exception {
            this.file = file;
            this.port = port;
            Process p = new ProcessBuilder(LiveCaptureTest.PYTHON, "-c", SCRIPT, file.toString(), Integer.toString(port))
                    .redirectErrorStream(true).start();
            pid = p.pid();
            tids.add(pid);
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            boolean exited = false;
            while (!exited || events.stream().noneMatch(e -> e.type() == EventCodes.PPME_PROCEXIT_1_E && e.tid() == pid)) {
                if (source.poll(this::collect, 4096) == 0) {
                    Thread.sleep(1);
                }
                exited = exited || !p.isAlive();
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the process exit of " + pid + " never arrived");
                }
            }
            List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(0, p.exitValue(), "script failed: " + out);
            child = outputValue(out, "child ");
            thread = outputValue(out, "thread ");
        }

        private static long outputValue(List<String> out, String key) {
            return out.stream().filter(l -> l.startsWith(key)).mapToLong(l -> Long.parseLong(l.substring(key.length())))
                    .findFirst().orElseThrow(() -> new AssertionError("no '" + key + "' line in " + out));
        }

        private void collect(EventRecord r) {
            if (r.direction() == EventDirection.ENTER && r.type() != EventCodes.PPME_PROCEXIT_1_E) {
                enterFromAnyone.add(new CapturedEvent(r));
            }
            long tid = r.tid();
            if (!tids.contains(tid)) {
                boolean childSide = (r.type() == EventCodes.PPME_SYSCALL_CLONE_20_X || r.type() == EventCodes.PPME_SYSCALL_FORK_20_X
                        || r.type() == EventCodes.PPME_SYSCALL_CLONE3_X) && r.number(0) == 0
                        && (r.number(5) == pid || r.number(4) == pid); // a child (ptid) or a thread (pid) of the script
                if (!childSide) {
                    return;
                }
                tids.add(tid);
            }
            String bad = CapturedEvent.conformance(r);
            if (bad != null) {
                malformed.add(bad);
            }
            events.add(new CapturedEvent(r));
        }

        /** The events of one thread, in stream order. */
        List<CapturedEvent> of(long tid) {
            return events.stream().filter(e -> e.tid() == tid).toList();
        }

        /** The index in {@code thread} of the only event of that type matching, failing otherwise. */
        static int only(List<CapturedEvent> thread, int type, java.util.function.Predicate<CapturedEvent> p) {
            int found = -1;
            for (int i = 0; i < thread.size(); i++) {
                CapturedEvent e = thread.get(i);
                if (e.type() == type && p.test(e)) {
                    assertEquals(-1, found, "more than one event of type " + type + " in " + thread);
                    found = i;
                }
            }
            assertTrue(found >= 0, "no event of type " + type + " in " + thread);
            return found;
        }
    }

    private static Run run(Path dir) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read();
                } catch (IOException e) {
                    // the client closes at once
                }
            });
            Run r = new Run(dir.resolve("pg-" + UUID.randomUUID()), server.getLocalPort());
            acceptor.join();
            return r;
        }
    }

    @Test
    void selectedEnterEventsPrecedeTheirExitWithTheirParameters(@TempDir Path dir) throws Exception {
        for (Syscall s : ENTER) {
            source.selectEnter(s, true);
        }
        Run r = run(dir);
        int port = r.port;
        Path file = r.file;
        assertEquals(List.of(), r.malformed);
        List<CapturedEvent> t = r.of(r.pid);
        String path = file.toString();

        int oe = Run.only(t, EventCodes.PPME_SYSCALL_OPENAT_2_E, e -> e.str("name").equals(path));
        CapturedEvent openE = t.get(oe);
        assertEquals(-100, openE.num("dirfd")); // AT_FDCWD
        assertEquals(2 | 4, openE.num("flags") & (3 | 4)); // PPM_O_WRONLY | PPM_O_CREAT (Python adds O_CLOEXEC)
        assertEquals(0640, openE.num("mode"));
        CapturedEvent openX = t.get(oe + 1); // the thread's very next record is the call's exit
        assertEquals(EventCodes.PPME_SYSCALL_OPENAT_2_X, openX.type());
        assertEquals(path, openX.str("name"));
        assertTrue(openX.num("fd") >= 0);
        assertEquals(openE.num("flags"), openX.num("flags"));
        assertEquals(openE.num("mode"), openX.num("mode"));
        assertTrue(openE.rec.ts() <= openX.rec.ts());

        int ce = Run.only(t, EventCodes.PPME_SOCKET_CONNECT_E, e -> e.bytes("addr").length == 7
                && (e.bytes("addr")[5] & 0xff | (e.bytes("addr")[6] & 0xff) << 8) == port);
        CapturedEvent connE = t.get(ce);
        assertArrayEquals(new byte[] {2, 127, 0, 0, 1, (byte) port, (byte) (port >> 8)}, connE.bytes("addr"));
        CapturedEvent connX = t.get(ce + 1);
        assertEquals(EventCodes.PPME_SOCKET_CONNECT_X, connX.type());
        assertEquals(connE.num("fd"), connX.num("fd"));
        assertEquals(0, connX.num("res"));

        int ke = Run.only(t, EventCodes.PPME_SYSCALL_KILL_E, e -> e.num("pid") == r.pid);
        assertEquals(0, t.get(ke).num("sig"));
        assertEquals(EventCodes.PPME_SYSCALL_KILL_X, t.get(ke + 1).type());

        int ee = Run.only(t, EventCodes.PPME_SYSCALL_EXECVE_19_E, e -> e.str("filename").equals("/bin/true"));
        CapturedEvent execX = t.get(ee + 1);
        assertEquals(EventCodes.PPME_SYSCALL_EXECVE_19_X, execX.type());
        assertEquals(0, execX.num("res"));

        // only what was selected for enter comes as enter events (procexit aside)
        Set<Integer> enterTypes = new HashSet<>();
        r.enterFromAnyone.forEach(e -> enterTypes.add(e.type()));
        Set<Integer> selected = new HashSet<>();
        ENTER.forEach(s -> selected.add(s.enterEvent()));
        assertTrue(selected.containsAll(enterTypes), "unselected enter events: " + enterTypes);
    }

    @Test
    void nothingSelectedForEnterGivesNoEnterEvents(@TempDir Path dir) throws Exception {
        Run r = run(dir);
        assertEquals(List.of(), r.enterFromAnyone);
        assertTrue(r.events.stream().anyMatch(e -> e.type() == EventCodes.PPME_SYSCALL_OPENAT_2_X), "exit events still arrive");
    }

    @Test
    void aForkedChildIsRecordedOnceByTheForkHookBeforeItsParentReturns(@TempDir Path dir) throws Exception {
        Run r = run(dir);
        // glibc's fork() is the clone syscall
        List<CapturedEvent> childSide = r.events.stream()
                .filter(e -> e.type() == EventCodes.PPME_SYSCALL_CLONE_20_X && e.num("res") == 0).toList();
        assertEquals(1, childSide.size(), () -> "child-side clone records: " + childSide);
        CapturedEvent c = childSide.get(0);
        assertEquals(r.child, c.tid());
        assertEquals(r.child, c.num("tid"));
        assertEquals(r.child, c.num("pid"));
        assertEquals(r.pid, c.num("ptid"));
        assertEquals("python3", c.str("comm"));
        // recorded when the child was created: before the parent's own clone exit and anything the child does
        int childAt = r.events.indexOf(c);
        int parentAt = -1;
        for (int i = 0; i < r.events.size(); i++) {
            CapturedEvent e = r.events.get(i);
            if (e.tid() == r.pid && e.type() == EventCodes.PPME_SYSCALL_CLONE_20_X && e.num("res") == r.child) {
                parentAt = i;
            }
        }
        assertTrue(parentAt > childAt, "parent's clone exit at " + parentAt + ", child's record at " + childAt);
        assertEquals(childAt, r.events.indexOf(r.of(r.child).get(0)), "the child's first record is its clone record");
        assertTrue(r.of(r.child).stream().anyMatch(e -> e.type() == EventCodes.PPME_PROCEXIT_1_E), "child's exit");

        // a thread (pthread_create: clone3 with CLONE_THREAD in this glibc, clone in older ones) is a new task too
        List<CapturedEvent> threadSide = r.of(r.thread).stream()
                .filter(e -> (e.type() == EventCodes.PPME_SYSCALL_CLONE3_X || e.type() == EventCodes.PPME_SYSCALL_CLONE_20_X)
                        && e.num("res") == 0).toList();
        assertEquals(1, threadSide.size(), () -> "thread-side clone records: " + threadSide);
        CapturedEvent t = threadSide.get(0);
        assertEquals(r.thread, t.num("tid"));
        assertEquals(r.pid, t.num("pid"));
        assertTrue((t.num("flags") & (1 << 13)) != 0, "PPM_CL_CLONE_THREAD");
        assertEquals(t, r.of(r.thread).get(0), "the thread's first record is its clone record");
    }

    @Test
    void aSyscallWithoutAnEnterHandlerIsRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> source.selectEnter(Syscall.RENAME, true));
        assertThrows(IllegalArgumentException.class,
                () -> LiveOptions.defaults().withEnterSyscalls(EnumSet.of(Syscall.MKDIR)));
    }
}
