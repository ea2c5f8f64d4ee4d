package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.bpf.ProbeCounters;
import io.peregrine.driver.bpf.Syscall;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live capture against the real kernel: a child process performs known actions and exactly those
 * events must arrive, with their arguments, results, thread ids and process names.
 */
class LiveCaptureTest {
    /** Debian's interpreter itself, not a shim that would exec through other programs first. */
    static final String PYTHON = "/usr/bin/python3";
    static LiveSource source;
    static Path script;

    @BeforeAll
    static void start() throws IOException {
        // a roomy ring: between tests nobody reads, and the whole host's selected syscalls keep coming
        source = LiveSource.open(LiveOptions.defaults().withSeed(false).withRingBytes(64 << 20));
        script = Files.createTempFile("peregrine-actions", ".py");
        try (InputStream in = LiveCaptureTest.class.getResourceAsStream("actions.py")) {
            Files.write(script, in.readAllBytes());
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (source != null) {
            source.close();
        }
        Files.deleteIfExists(script);
    }

    /** Runs the action script and collects the events of it and its forked child until /bin/true exited. */
    static final class Run {
        final List<CapturedEvent> events = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();
        final List<String> output;
        final long pid;
        final Set<Long> tids = new HashSet<>();

        Run(Path dir, int port, String marker) throws Exception {
            Process p = new ProcessBuilder(PYTHON, script.toString(), dir.toString(), Integer.toString(port), marker)
                    .redirectErrorStream(true).start();
            pid = p.pid();
            tids.add(pid);
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            boolean exited = false;
            while (!exited || !sawExit()) {
                int n = source.poll(this::collect, 4096);
                if (n == 0) {
                    Thread.sleep(1);
                }
                exited = exited || !p.isAlive();
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the process exit of " + pid + " never arrived; got " + events);
                }
            }
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(0, p.exitValue(), "action script failed: " + output);
        }

        private boolean sawExit() {
            return events.stream().anyMatch(e -> e.type() == EventCodes.PPME_PROCEXIT_1_E && e.tid() == pid);
        }

        private void collect(EventRecord r) {
            long tid = r.tid();
            if (!tids.contains(tid)) {
                // the forked child: its own clone exit (result 0) names our script as its parent
                if (r.type() != EventCodes.PPME_SYSCALL_CLONE_20_X || r.number(0) != 0 || r.number(5) != pid) {
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

        List<CapturedEvent> of(int type, Predicate<CapturedEvent> p) {
            return events.stream().filter(e -> e.type() == type && p.test(e)).toList();
        }

        CapturedEvent one(int type, Predicate<CapturedEvent> p) {
            List<CapturedEvent> l = of(type, p);
            assertEquals(1, l.size(), () -> "expected exactly one event of type " + type + ", got " + l);
            return l.get(0);
        }

        long outputValue(String key, int field) {
            for (String l : output) {
                String[] f = l.split(" ");
                if (f[0].equals(key)) {
                    return Long.parseLong(f[field]);
                }
            }
            throw new AssertionError("no '" + key + "' line in " + output);
        }
    }

    @Test
    void knownActionsArriveWithTheirArguments(@TempDir Path dir) throws Exception {
        String marker = "pg-" + UUID.randomUUID();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read();
                } catch (IOException e) {
                    // the client closes at once; nothing to read
                }
            });
            source.select(Syscall.SENDTO, true); // off by default
            Run run;
            try {
                run = new Run(dir, server.getLocalPort(), marker);
            } finally {
                source.select(Syscall.SENDTO, false);
            }
            acceptor.join();
            assertEquals(List.of(), run.malformed, "records that do not match the event table");
            String a = dir.resolve(marker + ".a").toString();
            String b = dir.resolve(marker + ".b").toString();

            CapturedEvent open = run.one(EventCodes.PPME_SYSCALL_OPENAT_2_X, e -> e.str("name").equals(a));
            long fd = open.num("fd");
            assertTrue(fd >= 0, "openat result " + fd);
            assertEquals(run.pid, open.tid());
            assertEquals(-100, open.num("dirfd"), "AT_FDCWD");
            long flags = open.num("flags");
            assertEquals(2 | (1 << 2) | (1 << 8) | (1 << 12), flags, "WRONLY|CREAT|TRUNC|CLOEXEC as PPM_O_*");
            assertEquals(0666, open.num("mode"));
            assertEquals(run.outputValue("file", 1), open.num("ino"));
            assertEquals(run.outputValue("file", 2), open.num("dev"));

            CapturedEvent rename = run.one(EventCodes.PPME_SYSCALL_RENAME_X, e -> e.str("oldpath").equals(a));
            assertEquals(0, rename.num("res"));
            // the file is closed between its open and its rename (the fd number is reused later)
            CapturedEvent close = run.one(EventCodes.PPME_SYSCALL_CLOSE_X,
                    e -> e.num("fd") == fd && e.rec.ts() > open.rec.ts() && e.rec.ts() < rename.rec.ts());
            assertEquals(0, close.num("res"));
            assertEquals(run.pid, close.tid());
            assertEquals(b, rename.str("newpath"));

            CapturedEvent unlink = run.one(EventCodes.PPME_SYSCALL_UNLINK_2_X, e -> e.str("path").equals(b));
            assertEquals(0, unlink.num("res"));

            int port = server.getLocalPort();
            CapturedEvent connect = run.one(EventCodes.PPME_SOCKET_CONNECT_X, e -> {
                byte[] addr = e.bytes("addr");
                return addr.length == 7 && addr[0] == 2 && port(addr, 5) == port;
            });
            assertEquals(0, connect.num("res"));
            assertArrayEquals(new byte[] {2, 127, 0, 0, 1, (byte) (port & 0xff), (byte) (port >> 8)}, connect.bytes("addr"));
            byte[] tuple = connect.bytes("tuple");
            assertEquals(13, tuple.length);
            assertEquals(2, tuple[0]);
            assertEquals(run.outputValue("local", 1), port(tuple, 5), "local port");
            assertArrayEquals(new byte[] {127, 0, 0, 1}, java.util.Arrays.copyOfRange(tuple, 7, 11));
            assertEquals(port, port(tuple, 11));
            CapturedEvent socket = run.one(EventCodes.PPME_SOCKET_SOCKET_X, e -> e.num("fd") == connect.num("fd")
                    && e.rec.ts() < connect.rec.ts() && (e.num("type") & 0xf) == 1 /* SOCK_STREAM */);
            assertEquals(2, socket.num("domain"));

            CapturedEvent sendto = run.one(EventCodes.PPME_SOCKET_SENDTO_X, e -> e.num("size") == 9);
            assertEquals(9, sendto.num("res"));
            byte[] udp = sendto.bytes("tuple");
            assertEquals(13, udp.length);
            assertArrayEquals(new byte[] {127, 0, 0, 1}, java.util.Arrays.copyOfRange(udp, 7, 11));
            assertEquals(port, port(udp, 11), "the datagram's destination");

            CapturedEvent memfd = run.one(EventCodes.PPME_SYSCALL_MEMFD_CREATE_X, e -> e.str("name").equals(marker));
            assertTrue(memfd.num("fd") >= 0);

            String sub = dir.resolve(marker + ".dir").toString();
            CapturedEvent mkdir = run.one(EventCodes.PPME_SYSCALL_MKDIR_2_X, e -> e.str("path").equals(sub));
            assertEquals(0, mkdir.num("res"));
            assertEquals(0750, mkdir.num("mode"));
            CapturedEvent chmod = run.one(EventCodes.PPME_SYSCALL_CHMOD_X, e -> e.str("filename").equals(sub));
            assertEquals(0700, chmod.num("mode"));
            CapturedEvent symlink = run.one(EventCodes.PPME_SYSCALL_SYMLINK_X, e -> e.str("target").equals(sub));
            assertEquals(sub + ".link", symlink.str("linkpath"));
            assertEquals(0, run.one(EventCodes.PPME_SYSCALL_CHDIR_X, e -> e.str("path").equals(sub)).num("res"));
            assertEquals(0, run.one(EventCodes.PPME_SYSCALL_RMDIR_2_X, e -> e.str("path").equals(sub)).num("res"));
            long pipeRead = run.outputValue("pipe", 1);
            CapturedEvent pipe = run.one(EventCodes.PPME_SYSCALL_PIPE2_X, e -> e.num("fd1") == pipeRead && e.num("res") == 0
                    && e.rec.ts() > mkdir.rec.ts());
            assertEquals(run.outputValue("pipe", 2), pipe.num("fd2"));
            assertTrue(pipe.num("ino") > 0);
            CapturedEvent pair = run.one(EventCodes.PPME_SOCKET_SOCKETPAIR_X, e -> e.num("res") == 0);
            assertEquals(1, pair.num("domain"), "AF_UNIX");
            assertTrue(pair.num("source") != 0 && pair.num("peer") != 0 && pair.num("source") != pair.num("peer"));
            // the interpreter maps its shared libraries executable
            assertTrue(!run.of(EventCodes.PPME_SYSCALL_MMAP_X, e -> (e.num("prot") & 4) != 0).isEmpty());

            long child = run.outputValue("child", 1);
            CapturedEvent parentClone = run.one(EventCodes.PPME_SYSCALL_CLONE_20_X,
                    e -> e.tid() == run.pid && e.num("res") == child);
            assertEquals("python3", parentClone.str("comm"));
            CapturedEvent childClone = run.one(EventCodes.PPME_SYSCALL_CLONE_20_X, e -> e.tid() == child);
            assertEquals(0, childClone.num("res"));
            assertEquals(child, childClone.num("pid"));
            assertEquals(run.pid, childClone.num("ptid"));
            // the child side carries the start of its pid namespace's init (CLOCK_MONOTONIC ns, the
            // clock of System.nanoTime on Linux): here the host's pid 1, started before this JVM
            long initStart = childClone.num("pidns_init_start_ts");
            assertTrue(initStart > 0 && initStart < System.nanoTime(), "pidns_init_start_ts " + initStart);
            assertEquals(initStart, pid1StartNanos(), 20_000_000L, "pid 1's start time from /proc/1/stat");
            assertEquals(0, parentClone.num("pidns_init_start_ts"), "only the child side has it");
            CapturedEvent setuid = run.one(EventCodes.PPME_SYSCALL_SETUID_X, e -> e.tid() == child);
            assertEquals(0, setuid.num("res"), "the test runs as root");
            assertEquals(65534, setuid.num("uid"));
            CapturedEvent ptrace = run.one(EventCodes.PPME_SYSCALL_PTRACE_X, e -> e.tid() == child);
            assertEquals(0, ptrace.num("res"));
            assertEquals(1, ptrace.num("request"), "PPM_PTRACE_TRACEME");
            CapturedEvent kill = run.one(EventCodes.PPME_SYSCALL_KILL_X, e -> e.num("pid") == child);
            assertEquals(0, kill.num("res"));
            assertEquals(0, kill.num("sig"));
            assertEquals(run.pid, kill.tid());
            CapturedEvent childExit = run.one(EventCodes.PPME_PROCEXIT_1_E, e -> e.tid() == child);
            assertEquals(7, childExit.num("ret"));
            assertEquals(0, childExit.num("sig"));

            CapturedEvent exec = run.one(EventCodes.PPME_SYSCALL_EXECVE_19_X, e -> e.str("filename").equals("/bin/true"));
            assertEquals(0, exec.num("res"));
            assertEquals(run.pid, exec.tid());
            assertEquals(run.pid, exec.num("pid"));
            assertEquals(ProcessHandle.current().pid(), exec.num("ptid"));
            assertEquals("/bin/true", exec.str("exe"));
            assertEquals(marker + "\0--peregrine-test\0", new String(exec.bytes("args"), StandardCharsets.UTF_8));
            assertEquals("true", exec.str("comm"));
            assertEquals("/bin/true", exec.str("filename"));
            assertEquals(Path.of("/bin/true").toRealPath().toString(), exec.str("trusted_exepath"));
            assertEquals(dir.toString(), exec.str("cwd"), "the script moved to its directory before exec");
            // /bin/true is in this JVM's cgroups: each v1 controller with its path, or the v2 path
            String cgroups = new String(exec.bytes("cgroups"), StandardCharsets.UTF_8);
            for (String l : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] f = l.split(":", 3);
                String expected = f[1].isEmpty() ? "=" + f[2] + "\0"
                        : f[1].startsWith("name=") || f[1].contains(",") ? null : f[1] + "=" + f[2] + "\0";
                if (expected != null) {
                    assertTrue(cgroups.contains(expected), cgroups + " lacks " + expected);
                }
            }
            assertEquals(dir.toString(), parentClone.str("cwd"));
            assertEquals(0, exec.num("uid"));
            assertTrue(exec.num("exe_ino") > 0);
            assertTrue(exec.num("fdlimit") > 0);
            assertTrue(exec.bytes("env").length > 0);
            CapturedEvent exit = run.one(EventCodes.PPME_PROCEXIT_1_E, e -> e.tid() == run.pid);
            assertEquals(0, exit.num("ret"));

            long now = System.currentTimeMillis() * 1_000_000L;
            assertTrue(Math.abs(now - exec.rec.ts()) < 60_000_000_000L, "timestamps are wall-clock ns: " + exec.rec.ts());
        }
    }

    @Test
    void unselectedSyscallsAreNotRecordedAndSelectionChangesLive(@TempDir Path dir) throws Exception {
        String marker = "pg-" + UUID.randomUUID();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read();
                } catch (IOException e) {
                    // nothing to read
                }
            });
            source.select(Syscall.OPENAT, false);
            source.select(Syscall.RENAME, false);
            Run run;
            try {
                run = new Run(dir, server.getLocalPort(), marker);
            } finally {
                source.select(Syscall.OPENAT, true);
                source.select(Syscall.RENAME, true);
            }
            acceptor.join();
            assertEquals(List.of(), run.of(EventCodes.PPME_SYSCALL_OPENAT_2_X, e -> true));
            assertEquals(List.of(), run.of(EventCodes.PPME_SYSCALL_RENAME_X, e -> true));
            assertNotNull(run.one(EventCodes.PPME_SYSCALL_UNLINK_2_X, e -> e.str("path").endsWith(marker + ".b")));
        }
    }

    @Test
    void theCapturingProcessIsExcludedAndNothingIsLost(@TempDir Path dir) throws Exception {
        String marker = "pg-self-" + UUID.randomUUID();
        Path own = dir.resolve(marker);
        Files.writeString(own, "x"); // opened by this JVM, which the probe excludes
        List<String> seen = new ArrayList<>();
        // a fence: a child's open of the same marker, after ours, must arrive
        Process p = new ProcessBuilder("cat", own.toString()).redirectErrorStream(true).start();
        long pid = p.pid();
        long deadline = System.nanoTime() + 30_000_000_000L;
        boolean fence = false;
        while (!fence) {
            source.poll(r -> {
                if (r.type() == EventCodes.PPME_SYSCALL_OPENAT_2_X) {
                    String name = r.string(2);
                    if (name.equals(own.toString())) {
                        seen.add(r.tid() + " " + name);
                    }
                }
            }, 4096);
            fence = seen.stream().anyMatch(s -> s.startsWith(pid + " "));
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the child's open never arrived");
            }
        }
        p.waitFor();
        assertEquals(List.of(pid + " " + own), seen, "only the child's open, not this process's");
        ProbeCounters c = source.counters();
        assertTrue(c.events() > 0, "events counted: " + c);
        assertEquals(0, c.lost(), "records lost: " + c);
    }

    @Test
    void syscallsWithoutAHandlerAreRecordedGenerically() throws Exception {
        int getppid = 110;
        source.selectNumber(getppid, true);
        List<Long> natives = new ArrayList<>();
        long pid;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import os; os.getppid(); os.getppid()").start();
            pid = p.pid();
            assertEquals(0, p.waitFor());
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            boolean exited = false;
            while (!exited) {
                source.poll(r -> {
                    if (r.tid() == pid && r.type() == EventCodes.PPME_GENERIC_X) {
                        natives.add(r.number(1));
                    }
                }, 4096);
                exited = natives.size() >= 2 || System.nanoTime() > deadline;
            }
        } finally {
            source.selectNumber(getppid, false);
        }
        assertEquals(List.of(110L, 110L), natives);
    }

    @Test
    void ia32SyscallsAreNotMisreadAsX8664Ones(@TempDir Path dir) throws Exception {
        // ia32 call 41 is dup; x86_64 call 41 is socket. The program makes an ia32 dup(0) through
        // int $0x80, then a real socket(): only the socket may be recorded, with its own result.
        // Some kernels refuse int $0x80 from a 64-bit process (no IA32 emulation, or emulation
        // turned off at boot or by the hypervisor) and raise SIGSEGV. The program catches that and
        // says which kind of kernel this is; on both kinds the dead or foreign call must leave no
        // record under an x86_64 name, and the real socket() must be recorded with its result.
        Path c = dir.resolve("ia32.c");
        Files.writeString(c, """
                #include <setjmp.h>
                #include <signal.h>
                #include <stdio.h>
                #include <string.h>
                #include <sys/socket.h>
                static sigjmp_buf refused;
                static void on_segv(int sig) { (void) sig; siglongjmp(refused, 1); }
                int main(void) {
                    struct sigaction sa;
                    memset(&sa, 0, sizeof sa);
                    sa.sa_handler = on_segv;
                    sigaction(SIGSEGV, &sa, NULL);
                    volatile long r = 0;
                    volatile int entered = 0;
                    if (sigsetjmp(refused, 1) == 0) {
                        __asm__ volatile("int $0x80" : "=a"(r) : "a"(41L), "b"(0L) : "memory");
                        entered = 1;
                    }
                    int s = socket(AF_INET, SOCK_DGRAM, 0);
                    printf("%d %ld %d\\n", entered, r, s);
                    return (entered && r < 0) || s < 0;
                }
                """);
        Path exe = dir.resolve("ia32");
        Process cc = new ProcessBuilder("cc", "-O2", "-o", exe.toString(), c.toString()).redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), ccOut);
        Process p = new ProcessBuilder(exe.toString()).start();
        long pid = p.pid();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), "the test program failed: " + printed);
        String[] out = printed.split(" ");
        boolean ia32Entered = out[0].equals("1");
        long socketFd = Long.parseLong(out[2]);
        // Said on every run, so that a kernel without the ia32 entry is never a silent pass.
        System.out.println("ia32 test: this kernel " + (ia32Entered
                ? "runs int $0x80 from a 64-bit process (dup returned " + out[1] + ")"
                : "refuses int $0x80 from a 64-bit process (SIGSEGV): only the absence of a record for the"
                        + " refused call and the real socket() are checked"));
        List<String> seen = new ArrayList<>();
        boolean[] exited = {false};
        long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
        while (!exited[0]) {
            source.poll(r -> {
                if (r.tid() != pid) {
                    return;
                }
                if (r.type() == EventCodes.PPME_PROCEXIT_1_E) {
                    exited[0] = true;
                } else if (r.type() == EventCodes.PPME_SOCKET_SOCKET_X || r.type() == EventCodes.PPME_SYSCALL_DUP_1_X) {
                    seen.add((r.type() == EventCodes.PPME_SOCKET_SOCKET_X ? "socket " : "dup ") + r.number(0));
                }
            }, 4096);
            assertTrue(System.nanoTime() < deadline, "the process exit never arrived; got " + seen);
        }
        assertEquals(List.of("socket " + socketFd), seen, ia32Entered
                ? "the ia32 dup is not recorded, as socket or as dup"
                : "the refused int $0x80 leaves no record, and the real socket() is recorded");
    }

    /** Start of pid 1 in ns since boot, from /proc/1/stat (clock ticks of 1/100 s). */
    private static long pid1StartNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/1/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[19]) * 10_000_000L; // field 22, starttime
    }

    private static int port(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }
}
