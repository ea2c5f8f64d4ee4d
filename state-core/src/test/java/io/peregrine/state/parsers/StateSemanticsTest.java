package io.peregrine.state.parsers;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.projection.ProjectedEventView;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.protocol.projection.ProjectionFormat;
import io.peregrine.state.NamedEvents;
import io.peregrine.state.containers.CgroupContainers;
import io.peregrine.state.containers.ContainerInfo;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.state.projection.NodeState;
import io.peregrine.state.threads.ThreadInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static io.peregrine.state.NamedEvents.p;
import static org.junit.jupiter.api.Assertions.*;

/** State semantics on constructed events: process tree, fds, exec, threads, containers. */
class StateSemanticsTest {

    private final NodeState state = new NodeState("test-host");
    private final EventRecordBuilder b = new EventRecordBuilder();
    private long num;
    private long ts = 1_000_000_000L;

    /** Builds an event of {@code code} with parameters by name and applies it. */
    private void emit(int code, long tid, Map<String, Object> params) {
        NamedEvents.build(b, ts++, tid, code, params);
        state.parser().apply(b.segment(), 0, ++num);
    }

    private void seed(long tid, long pid, long ptid, String comm, String exepath, String cwd) {
        emit(EventCodes.PEREGRINE_SEED_THREAD_E, tid, p("tid", tid, "pid", pid, "ptid", ptid, "comm", comm,
                "exe", comm, "exepath", exepath, "cwd", cwd, "uid", 0, "gid", 0, "euid", 0, "egid", 0,
                "loginuid", 1000, "vtid", tid, "vpid", pid));
    }

    private void fork(long parent, long child) {
        ThreadInfo p = state.threads().get(parent);
        emit(EventCodes.PPME_SYSCALL_CLONE_20_X, parent, p("res", child, "exe", str(p.exe), "tid", parent,
                "pid", p.pid, "ptid", p.ptid, "flags", 0, "comm", str(p.comm)));
    }

    private void execve(long tid, String exe, String comm, String filename) {
        emit(EventCodes.PPME_SYSCALL_EXECVE_19_E, tid, p("filename", filename));
        emit(EventCodes.PPME_SYSCALL_EXECVE_19_X, tid, p("res", 0, "exe", exe, "args", new byte[0], "tid", tid,
                "pid", tid, "comm", comm));
    }

    private void openat(long tid, long fd, String name, int flags) {
        emit(EventCodes.PPME_SYSCALL_OPENAT_2_E, tid, p("dirfd", -100, "name", name, "flags", flags));
        emit(EventCodes.PPME_SYSCALL_OPENAT_2_X, tid, p("fd", fd, "dirfd", -100, "name", name, "flags", flags));
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private String fdName(long tid, long fd) {
        state.parser().flush();
        FdInfo f = state.threads().get(tid).fds.get(fd);
        return f == null ? null : str(f.name);
    }


    @Test
    void threeLevelTreeGivesAncestorNames() throws Exception {
        seed(100, 100, 1, "bash", "/bin/bash", "/home/u");
        fork(100, 200);
        execve(200, "python3", "python3", "/usr/bin/python3");
        fork(200, 300);
        execve(300, "sh", "sh", "/bin/sh");
        state.projector().interest(Interest.of(true, Map.of("x",
                Set.of("proc.name", "proc.pname", "proc.aname[2]", "proc.exepath", "proc.cwd"))));
        ProjectionEncoder enc = new ProjectionEncoder(512);
        b.begin(ts++, 300, EventCodes.PPME_SYSCALL_CLOSE_E, 1).addI64(7).finish();
        assertTrue(state.process(b.segment(), 0, ++num, enc));
        Map<String, String> v = values(enc);
        assertEquals("sh", v.get("proc.name"));
        assertEquals("python3", v.get("proc.pname"));
        assertEquals("bash", v.get("proc.aname[2]"));
        assertEquals("/bin/sh", v.get("proc.exepath"));
        assertEquals("/home/u/", v.get("proc.cwd"));
    }

    @Test
    void capabilitiesAndParentDurationAreExtracted() {
        emit(EventCodes.PEREGRINE_SEED_THREAD_E, 100, p("tid", 100, "pid", 100, "ptid", 1, "comm", "runc", "exe", "runc",
                "cwd", "/", "clone_ts", 500L, "cap_effective", (1L << 21) | 1L, "cap_permitted", 1L << 12));
        fork(100, 200);
        state.projector().interest(Interest.of(true, Map.of("x",
                Set.of("thread.cap_effective", "thread.cap_permitted", "proc.ppid.duration"))));
        ProjectionEncoder enc = new ProjectionEncoder(512);
        b.begin(2_000, 200, EventCodes.PPME_SYSCALL_CLOSE_E, 1).addI64(7).finish();
        assertTrue(state.process(b.segment(), 0, ++num, enc));
        Map<String, String> v = values(enc);
        assertEquals("CAP_CHOWN CAP_SYS_ADMIN", v.get("thread.cap_effective"), "inherited by the child");
        assertEquals("CAP_NET_ADMIN", v.get("thread.cap_permitted"));
        assertEquals("u1500", v.get("proc.ppid.duration"), "a duration (uint64) from the parent's start");
    }

    @Test
    void fdNamesAfterOpenDupRenameAndClose() {
        seed(100, 100, 1, "app", "/bin/app", "/srv");
        openat(100, 3, "data/../log.txt", 1);
        assertEquals("/srv/log.txt", fdName(100, 3));
        emit(EventCodes.PPME_SYSCALL_DUP2_E, 100, p("fd", 3));
        emit(EventCodes.PPME_SYSCALL_DUP2_X, 100, p("res", 9, "oldfd", 3, "newfd", 9));
        assertEquals("/srv/log.txt", fdName(100, 9));
        emit(EventCodes.PPME_SYSCALL_RENAMEAT2_X, 100, p("res", 0, "olddirfd", -100, "oldpath", "log.txt",
                "newdirfd", -100, "newpath", "old.txt"));
        assertEquals("/srv/log.txt", fdName(100, 3), "a renamed file keeps its fd name");
        emit(EventCodes.PPME_SYSCALL_CLOSE_E, 100, p("fd", 3));
        emit(EventCodes.PPME_SYSCALL_CLOSE_X, 100, p("res", 0, "fd", 3));
        assertNull(fdName(100, 3));
        assertEquals("/srv/log.txt", fdName(100, 9));
    }

    @Test
    void connectAndAcceptNameSockets() {
        seed(100, 100, 1, "curl", "/usr/bin/curl", "/");
        emit(EventCodes.PPME_SOCKET_SOCKET_X, 100, p("fd", 4, "domain", 2, "type", 1, "proto", 0));
        byte[] tuple = {2, 10, 0, 0, 1, 0x39, 0x30, 10, 0, 0, 2, 80, 0};
        emit(EventCodes.PPME_SOCKET_CONNECT_E, 100, p("fd", 4));
        emit(EventCodes.PPME_SOCKET_CONNECT_X, 100, p("res", 0, "tuple", tuple, "fd", 4));
        assertEquals("10.0.0.1:12345->10.0.0.2:80", fdName(100, 4));
        emit(EventCodes.PPME_SOCKET_ACCEPT4_6_X, 100, p("fd", 5, "tuple",
                new byte[] {2, 10, 0, 0, 9, 1, 1, 10, 0, 0, 1, (byte) 0x90, 0x1f}));
        assertEquals("10.0.0.9:257->10.0.0.1:8080", fdName(100, 5));
        assertTrue(state.threads().get(100).fds.get(5).server);
    }

    @Test
    void execReplacesImageAndClosesCloexecFds() {
        seed(100, 100, 1, "bash", "/bin/bash", "/tmp");
        openat(100, 3, "keep", 1);
        openat(100, 4, "drop", 1 | 4096);
        execve(100, "ls", "ls", "/bin/ls");
        state.parser().flush();
        ThreadInfo t = state.threads().get(100);
        assertEquals("ls", str(t.comm));
        assertEquals("/bin/ls", str(t.exepath));
        assertNotNull(t.fds.get(3));
        assertNull(t.fds.get(4), "O_CLOEXEC fd closed by execve");
    }

    @Test
    void threadsShareFdsAndForkCopiesThem() {
        seed(100, 100, 1, "srv", "/bin/srv", "/");
        ThreadInfo p = state.threads().get(100);
        emit(EventCodes.PPME_SYSCALL_CLONE_20_X, 100, p("res", 101, "exe", "srv", "tid", 100, "pid", 100,
                "ptid", 1, "flags", 8192 | 1 | 2, "comm", "srv"));
        fork(100, 200);
        openat(101, 7, "/var/x", 1);
        assertEquals("/var/x", fdName(100, 7), "the thread's open is visible to its process");
        assertNull(state.threads().get(200).fds.get(7), "the forked child has its own copy");
        assertSame(p.fds, state.threads().get(101).fds);
    }

    @Test
    void childrenAreReparentedWhenTheirParentExits() {
        seed(100, 100, 1, "init-ish", "/sbin/x", "/");
        fork(100, 200);
        fork(200, 300);
        emit(EventCodes.PPME_PROCEXIT_1_E, 200, p("status", 0, "ret", 0, "reaper_tid", 100));
        state.parser().flush();
        assertNull(state.threads().get(200));
        assertEquals(100, state.threads().get(300).ptid);
    }

    @Test
    void containerIdAndPodUidFromEachRuntimeLayout() {
        String id = "3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708";
        ContainerInfo docker = CgroupContainers.parse("cpu=/docker/" + id);
        assertEquals("3f2a1b4c5d6e", docker.idText());
        assertEquals("docker", docker.typeText());
        assertEquals("docker", CgroupContainers.parse("cpu=/system.slice/docker-" + id + ".scope").typeText());
        ContainerInfo k = CgroupContainers.parse("cpu=/kubepods/besteffort/pod0b7e5a4c-1d2e-4f30-9a8b-7c6d5e4f3a2b/" + id);
        assertEquals("3f2a1b4c5d6e", k.idText());
        assertEquals("0b7e5a4c-1d2e-4f30-9a8b-7c6d5e4f3a2b", k.podUidText());
        ContainerInfo ks = CgroupContainers.parse("cpu=/kubepods.slice/kubepods-burstable.slice/"
                + "kubepods-burstable-pod0b7e5a4c_1d2e_4f30_9a8b_7c6d5e4f3a2b.slice/cri-containerd-" + id + ".scope");
        assertEquals("containerd", ks.typeText());
        assertEquals("0b7e5a4c-1d2e-4f30-9a8b-7c6d5e4f3a2b", ks.podUidText());
        assertEquals("cri-o", CgroupContainers.parse("cpu=/kubepods.slice/crio-" + id + ".scope").typeText());
        assertEquals("podman", CgroupContainers.parse("cpu=/machine.slice/libpod-" + id + ".scope").typeText());
        assertTrue(CgroupContainers.parse("cpu=/user.slice/user-1000.slice/session-1.scope").isHost());
        assertTrue(CgroupContainers.parse("cpu=/docker/notanid").isHost());
    }

    @Test
    void threadTableEvictsQuietestWhenFull() {
        NodeState small = new NodeState("h", 4, 64);
        for (int i = 1; i <= 6; i++) {
            ThreadInfo t = new ThreadInfo();
            t.tid = i;
            t.pid = i;
            t.lastEventTs = i;
            small.threads().put(t);
        }
        assertEquals(4, small.threads().size());
        assertEquals(2, small.threads().evictions());
        assertNull(small.threads().get(1));
        assertNotNull(small.threads().get(6));
    }

    /** Applies the event with an interest in {@code fields} and returns what it projected. */
    private Map<String, String> project(int code, long tid, Map<String, Object> params, String... fields) {
        state.projector().interest(Interest.of(true, Map.of("x", Set.of(fields))));
        NamedEvents.build(b, ts++, tid, code, params);
        ProjectionEncoder enc = new ProjectionEncoder(1024);
        assertTrue(state.process(b.segment(), 0, ++num, enc));
        lastEventType = new ProjectedEventView().wrap(enc.segment(), 0).eventType();
        return values(enc);
    }

    /** The evt.type code of the last record {@link #project} wrote. */
    private int lastEventType;

    @Test
    void aSwitchBetweenEnterAndExitDoesNotEndTheCall() {
        seed(100, 100, 1, "emacs", "/usr/bin/emacs", "/");
        openat(100, 5, "/dev/tty", 2);
        emit(EventCodes.PPME_SYSCALL_WRITE_E, 100, p("fd", 5, "size", 3));
        emit(EventCodes.PPME_SCHEDSWITCH_6_E, 100, p("next", 200));
        // The exit of the old layout names no fd: it is the enter's.
        Map<String, String> v = project(EventCodes.PPME_SYSCALL_WRITE_X, 100, p("res", 3), "fd.num", "fd.name");
        assertEquals("5", v.get("fd.num"));
        assertEquals("/dev/tty", v.get("fd.name"));

        emit(EventCodes.PPME_SYSCALL_EXECVE_19_E, 100, p("filename", "/bin/ls"));
        emit(EventCodes.PPME_SCHEDSWITCH_6_E, 100, p("next", 200));
        v = project(EventCodes.PPME_SYSCALL_EXECVE_19_X, 100, p("res", 0, "exe", "ls", "args", new byte[0],
                "tid", 100, "pid", 100, "comm", "ls"), "proc.exepath");
        assertEquals("/bin/ls", v.get("proc.exepath"));
    }

    @Test
    void anFdCallWithoutAnEntryShowsWhatTheEventSays() {
        seed(100, 100, 1, "cat", "/bin/cat", "/srv");
        String[] fd = {"fd.num", "fd.typechar", "fd.name", "fd.directory", "fd.type"};
        Map<String, String> v = project(EventCodes.PPME_SYSCALL_FSTAT_E, 100, p("fd", 1), fd);
        assertEquals("1", v.get("fd.num"));
        assertEquals("o", v.get("fd.typechar"));
        assertEquals("absent", v.get("fd.name"), "an enter event names no fd");
        v = project(EventCodes.PPME_SYSCALL_FSTAT_X, 100, p("res", 0), fd);
        assertEquals("1", v.get("fd.num"));
        assertEquals("", v.get("fd.name"));
        assertEquals("/", v.get("fd.directory"));
        assertEquals("absent", v.get("fd.type"));

        v = project(EventCodes.PPME_SYSCALL_OPENAT_2_E, 100, p("dirfd", -100, "name", "missing.txt", "flags", 1), fd);
        assertEquals("-1", v.get("fd.num"), "no fd yet");
        assertEquals("f", v.get("fd.typechar"));
        v = project(EventCodes.PPME_SYSCALL_OPENAT_2_X, 100, p("fd", -2, "dirfd", -100, "name", "missing.txt",
                "flags", 1), fd);
        assertEquals("-1", v.get("fd.num"), "a failed open has no fd");
        assertEquals("/srv/missing.txt", v.get("fd.name"));
        assertEquals("/srv", v.get("fd.directory"));

        v = project(EventCodes.PPME_SYSCALL_FUTEX_E, 100, p("addr", 1, "op", 1, "val", 1), fd);
        assertEquals("absent", v.get("fd.num"), "not an fd call");
        assertEquals("absent", v.get("fd.typechar"));
    }

    @Test
    void aSystemCallOfUnknownIdIsNamedByItsNativeNumber() {
        seed(100, 100, 1, "cat", "/bin/cat", "/");
        String fadvise = "fadvise64";
        assertEquals(fadvise, project(EventCodes.PPME_GENERIC_E, 100, p("ID", 0, "nativeID", 221), "evt.type")
                .get("evt.type"));
        assertEquals(io.peregrine.protocol.fields.EventTypes.code(fadvise), lastEventType);
        assertEquals(fadvise, project(EventCodes.PPME_GENERIC_X, 100, p("ID", 0), "evt.type").get("evt.type"),
                "the exit takes the number from its enter");
        emit(EventCodes.PPME_SYSCALL_FSTAT_E, 100, p("fd", 1));
        assertEquals("unknown", project(EventCodes.PPME_GENERIC_X, 100, p("ID", 0), "evt.type").get("evt.type"));
        assertEquals(io.peregrine.protocol.fields.EventTypes.code("unknown"), lastEventType);
    }

    @Test
    void mmapOfAFileCarriesItsFd() {
        seed(100, 100, 1, "ld.so", "/lib64/ld-linux-x86-64.so.2", "/");
        openat(100, 3, "/lib/libc.so.6", 0);
        emit(EventCodes.PPME_SYSCALL_MMAP_E, 100, p("addr", 0, "length", 4096, "prot", 1, "flags", 2, "fd", 3,
                "offset", 0));
        Map<String, String> v = project(EventCodes.PPME_SYSCALL_MMAP_X, 100, p("res", 0x7f0000000000L), "fd.num",
                "fd.name");
        assertEquals("3", v.get("fd.num"));
        assertEquals("/lib/libc.so.6", v.get("fd.name"));
    }

    @Test
    void theParentOfAProcessForkedByANamedThreadIsThatThreadsProcess() {
        seed(100, 100, 1, "app", "/usr/bin/app", "/");
        seed(101, 100, 1, "worker", "/usr/bin/app", "/");
        fork(101, 300);
        Map<String, String> v = project(EventCodes.PPME_SYSCALL_CLOSE_E, 300, p("fd", 7), "proc.pname",
                "proc.aname[1]", "proc.name");
        assertEquals("app", v.get("proc.pname"), "the parent process, not the thread that forked");
        assertEquals("app", v.get("proc.aname[1]"));
    }

    @Test
    void aConnectToTheMachinesOwnAddressIsOnTheServerSide() {
        emit(EventCodes.PEREGRINE_SEED_IFADDR_E, 0, p("ifname", "lo", "addr", new byte[] {127, 0, 0, 1}));
        seed(100, 100, 1, "curl", "/usr/bin/curl", "/");
        byte[] local = {2, 127, 0, 0, 1, 0x58, (byte) 0xb8, 127, 0, 0, 1, 80, 0};
        byte[] remote = {2, 10, 0, 0, 1, 0x39, 0x30, 10, 0, 0, 2, 80, 0};
        String[] fd = {"fd.is_server", "fd.name"};
        emit(EventCodes.PPME_SOCKET_SOCKET_X, 100, p("fd", 4, "domain", 2, "type", 1, "proto", 0));
        emit(EventCodes.PPME_SOCKET_CONNECT_E, 100, p("fd", 4));
        Map<String, String> v = project(EventCodes.PPME_SOCKET_CONNECT_X, 100, p("res", 0, "tuple", local, "fd", 4), fd);
        assertEquals("127.0.0.1:47192->127.0.0.1:80", v.get("fd.name"));
        assertEquals("true", v.get("fd.is_server"));
        emit(EventCodes.PPME_SOCKET_SOCKET_X, 100, p("fd", 6, "domain", 2, "type", 1, "proto", 0));
        emit(EventCodes.PPME_SOCKET_CONNECT_E, 100, p("fd", 6));
        v = project(EventCodes.PPME_SOCKET_CONNECT_X, 100, p("res", 0, "tuple", remote, "fd", 6), fd);
        assertEquals("false", v.get("fd.is_server"));
    }

    /**
     * libsinsp's local end: over loopback the client's address is the machine's, so both sockets of
     * a connection name the client's end as local (fd.lport), the accepted one too; and an IPv6
     * socket's server address is matched by its /64 network, so an unconnected one (server address
     * ::) is a server wherever ::1 is an interface, an unconnected IPv4 one (0.0.0.0) is not.
     */
    @Test
    void overLoopbackTheClientsEndIsLocalAndIpv6IsMatchedByNetwork() {
        emit(EventCodes.PEREGRINE_SEED_IFADDR_E, 0, p("ifname", "lo", "addr", new byte[] {127, 0, 0, 1}));
        byte[] v6lo = new byte[16];
        v6lo[15] = 1;
        emit(EventCodes.PEREGRINE_SEED_IFADDR_E, 0, p("ifname", "lo", "addr", v6lo));
        seed(100, 100, 1, "server", "/usr/bin/server", "/");
        // accepted: client 127.0.0.1:40000, server 127.0.0.1:8080 (ports in host order)
        byte[] tuple = {2, 127, 0, 0, 1, 0x40, (byte) 0x9c, 127, 0, 0, 1, (byte) 0x90, 0x1f};
        Map<String, String> v = project(EventCodes.PPME_SOCKET_ACCEPT4_6_X, 100, p("fd", 5, "tuple", tuple),
                "fd.lport", "fd.rport", "fd.is_server");
        assertEquals("u40000", v.get("fd.lport"));
        assertEquals("u8080", v.get("fd.rport"));
        assertEquals("true", v.get("fd.is_server"));
        v = project(EventCodes.PPME_SOCKET_SOCKET_X, 100, p("fd", 6, "domain", 10, "type", 1, "proto", 0),
                "fd.is_server", "fd.typechar");
        assertEquals("6", v.get("fd.typechar"));
        assertEquals("true", v.get("fd.is_server"), "an unconnected IPv6 socket's :: is in ::1's network");
        v = project(EventCodes.PPME_SOCKET_SOCKET_X, 100, p("fd", 7, "domain", 2, "type", 1, "proto", 0),
                "fd.is_server");
        assertEquals("false", v.get("fd.is_server"), "0.0.0.0 is no interface's address");
    }

    /**
     * Current libsinsp reads connect's enter event only at the exit (sysdig 0.29.3 set the fd from
     * it): a socket connecting to the machine's own address is a server (fd.is_server) only from the
     * exit on; an IPv6 socket connecting to an IPv4-mapped peer stays IPv6 until the exit, which makes
     * it an IPv4 TCP socket named by the tuple; a unix socket whose connect fails keeps no name.
     */
    @Test
    void connectsEnterEventChangesNoFd() {
        emit(EventCodes.PEREGRINE_SEED_IFADDR_E, 0, p("ifname", "lo", "addr", new byte[] {127, 0, 0, 1}));
        seed(100, 100, 1, "client", "/usr/bin/client", "/");
        emit(EventCodes.PPME_SOCKET_SOCKET_X, 100, p("fd", 5, "domain", 2, "type", 1, "proto", 0));
        byte[] loopback = {2, 127, 0, 0, 1, (byte) 0x90, 0x1f};
        Map<String, String> s = project(EventCodes.PPME_SOCKET_CONNECT_E, 100, p("fd", 5, "addr", loopback),
                "fd.is_server", "fd.sip");
        assertEquals("false", s.get("fd.is_server"), "no server address before the exit");
        byte[] local = {2, 127, 0, 0, 1, 0x40, (byte) 0x9c, 127, 0, 0, 1, (byte) 0x90, 0x1f};
        s = project(EventCodes.PPME_SOCKET_CONNECT_X, 100, p("res", 0, "tuple", local, "fd", 5), "fd.is_server");
        assertEquals("true", s.get("fd.is_server"), "the server address is the machine's");
        emit(EventCodes.PPME_SOCKET_SOCKET_X, 100, p("fd", 4, "domain", 10, "type", 1, "proto", 0));
        byte[] mappedPeer = new byte[19];
        mappedPeer[0] = 10;
        mappedPeer[11] = (byte) 0xff;
        mappedPeer[12] = (byte) 0xff;
        mappedPeer[13] = 127;
        mappedPeer[16] = 1;
        mappedPeer[17] = (byte) 0x90; // port 8080, host order
        mappedPeer[18] = 0x1f;
        String[] fd = {"fd.typechar", "fd.name", "fd.l4proto"};
        Map<String, String> v = project(EventCodes.PPME_SOCKET_CONNECT_E, 100, p("fd", 4, "addr", mappedPeer), fd);
        assertEquals("6", v.get("fd.typechar"));
        byte[] tuple = new byte[37];
        tuple[0] = 10;
        System.arraycopy(mappedPeer, 1, tuple, 1, 16); // source ::ffff:127.0.0.1:40000
        tuple[17] = 0x40;
        tuple[18] = (byte) 0x9c;
        System.arraycopy(mappedPeer, 1, tuple, 19, 18); // destination ::ffff:127.0.0.1:8080
        v = project(EventCodes.PPME_SOCKET_CONNECT_X, 100, p("res", 0, "tuple", tuple, "fd", 4), fd);
        assertEquals("4", v.get("fd.typechar"));
        assertEquals("127.0.0.1:40000->127.0.0.1:8080", v.get("fd.name"));
        assertEquals("tcp", v.get("fd.l4proto"));

        emit(EventCodes.PPME_SOCKET_SOCKET_X, 100, p("fd", 3, "domain", 1, "type", 1, "proto", 0));
        byte[] path = "\u0001/var/run/nscd/socket\u0000".getBytes(StandardCharsets.ISO_8859_1);
        v = project(EventCodes.PPME_SOCKET_CONNECT_E, 100, p("fd", 3, "addr", path), "fd.name");
        assertEquals("", v.get("fd.name"));
        v = project(EventCodes.PPME_SOCKET_CONNECT_X, 100, p("res", -2, "fd", 3, "addr", path), "fd.name");
        assertEquals("", v.get("fd.name"), "a failed connect names nothing");
        v = project(EventCodes.PPME_SYSCALL_CLOSE_E, 100, p("fd", 3), "fd.name", "fd.typechar");
        assertEquals("", v.get("fd.name"));
        assertEquals("u", v.get("fd.typechar"));
    }

    /** fcntl(F_DUPFD)'s exit names the fd it duplicates: the new fd is a copy (current libsinsp). */
    @Test
    void fcntlDupfdCopiesTheFd() {
        seed(100, 100, 1, "dash", "/usr/bin/dash", "/tmp");
        openat(100, 3, "a.txt", 1);
        emit(EventCodes.PPME_SYSCALL_FCNTL_X, 100, p("res", 10, "fd", 3, "cmd", 1));
        Map<String, String> v = project(EventCodes.PPME_SYSCALL_CLOSE_E, 100, p("fd", 10), "fd.name", "fd.typechar");
        assertEquals("/tmp/a.txt", v.get("fd.name"));
        assertEquals("f", v.get("fd.typechar"));
    }

    private static Map<String, String> values(ProjectionEncoder enc) {
        ProjectedEventView v = new ProjectedEventView().wrap(enc.segment(), 0);
        assertNull(v.validate(enc.size()));
        Map<String, String> m = new HashMap<>();
        long at = v.firstValue();
        for (int i = 0; i < v.valueCount(); i++) {
            String name = FieldCatalog.byId(v.valueFieldId(at)).name();
            int al = v.valueArgLength(at);
            if (al > 0) {
                byte[] a = new byte[al];
                for (int k = 0; k < al; k++) {
                    a[k] = v.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, v.valueArgOffset(at) + k);
                }
                name += "[" + new String(a, StandardCharsets.US_ASCII) + "]";
            }
            long pl = v.valuePayload(at);
            m.put(name, switch (v.valueTag(at)) {
                case ProjectionFormat.TAG_ABSENT -> "absent";
                case ProjectionFormat.TAG_INT64 -> Long.toString(v.int64At(pl));
                case ProjectionFormat.TAG_UINT64 -> "u" + Long.toUnsignedString(v.int64At(pl));
                case ProjectionFormat.TAG_BOOL -> Boolean.toString(v.boolAt(pl));
                case ProjectionFormat.TAG_BYTES -> v.textAt(pl);
                default -> "tag" + v.valueTag(at);
            });
            at = v.nextValue(at);
        }
        return m;
    }
}
