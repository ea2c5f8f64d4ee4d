package io.peregrine.state.parsers;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.scap.FlagTables;
import io.peregrine.state.containers.CgroupContainers;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.state.fds.FdTable;
import io.peregrine.protocol.scap.FdTypes;
import io.peregrine.state.fds.PathResolver;
import io.peregrine.state.fds.TupleFormatter;
import io.peregrine.state.text.EmptyText;
import io.peregrine.state.threads.ThreadInfo;
import io.peregrine.state.threads.ThreadTable;
import io.peregrine.state.users.UserTable;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.peregrine.state.parsers.Params.*;

/**
 * Applies events, in order, to the state tables, with libsinsp's semantics: clone/fork/vfork build
 * the child from its parent (sharing or copying the fd table), execve replaces the image and closes
 * close-on-exec fds, procexit removes the thread after its last event and re-parents its children,
 * fd-creating calls add fds with resolved names, close removes them after the close event itself has
 * been seen. After {@link #apply}, {@link #context()} describes the event for field extraction.
 */
public final class EventParser {

    // What each type code does to state (by scap name, so that every layout version is covered).
    private static final int K_NONE = 0, K_OPEN = 1, K_CLOSE = 2, K_CLONE = 3, K_EXECVE = 4, K_PROCEXIT = 5,
            K_SOCKET = 6, K_CONNECT = 7, K_ACCEPT = 8, K_BIND = 9, K_PIPE = 10, K_DUP = 11, K_FCNTL = 12,
            K_CHDIR = 13, K_FCHDIR = 14, K_SETUID = 15, K_SETRESUID = 16, K_SETREUID = 17, K_SETGID = 18,
            K_SETRESGID = 19, K_SETREGID = 20, K_SETSID = 21, K_PRCTL = 22, K_SIMPLE_FD = 23, K_MEMFD = 24,
            K_SOCKETPAIR = 25, K_SENDRECV = 26, K_CLOSE_RANGE = 27, K_LISTEN = 28;

    private static final byte[] KIND = new byte[EventTable.CODE_LIMIT];
    /** Scheduler events name the thread that ran, not one that made a call: they create no entry. */
    private static final boolean[] NO_LAZY_THREAD = new boolean[EventTable.CODE_LIMIT];
    /** For K_SIMPLE_FD: the fd kind the call creates. */
    private static final byte[] SIMPLE_TYPE = new byte[EventTable.CODE_LIMIT];

    static {
        for (int code = 0; code < EventTable.SCAP_LIMIT; code++) {
            EventType t = EventTable.get(code);
            if (t == null) {
                continue;
            }
            int k = switch (t.name()) {
                case "open", "openat", "openat2", "creat", "open_by_handle_at" -> K_OPEN;
                case "close" -> K_CLOSE;
                case "clone", "clone3", "fork", "vfork" -> K_CLONE;
                case "execve", "execveat" -> K_EXECVE;
                case "procexit" -> K_PROCEXIT;
                case "socket" -> K_SOCKET;
                case "connect" -> K_CONNECT;
                case "accept", "accept4" -> K_ACCEPT;
                case "bind" -> K_BIND;
                case "listen" -> K_LISTEN;
                case "pipe", "pipe2" -> K_PIPE;
                case "dup", "dup2", "dup3" -> K_DUP;
                case "fcntl" -> K_FCNTL;
                case "chdir" -> K_CHDIR;
                case "fchdir" -> K_FCHDIR;
                case "setuid" -> K_SETUID;
                case "setresuid" -> K_SETRESUID;
                case "setreuid" -> K_SETREUID;
                case "setgid" -> K_SETGID;
                case "setresgid" -> K_SETRESGID;
                case "setregid" -> K_SETREGID;
                case "setsid" -> K_SETSID;
                case "prctl" -> K_PRCTL;
                case "memfd_create" -> K_MEMFD;
                case "socketpair" -> K_SOCKETPAIR;
                case "sendto", "sendmsg", "recvfrom", "recvmsg" -> K_SENDRECV;
                case "close_range" -> K_CLOSE_RANGE;
                case "eventfd", "eventfd2", "signalfd", "signalfd4", "timerfd_create", "inotify_init",
                     "inotify_init1", "epoll_create", "epoll_create1", "userfaultfd", "io_uring_setup",
                     "pidfd_open" -> K_SIMPLE_FD;
                default -> K_NONE;
            };
            KIND[code] = (byte) k;
            NO_LAZY_THREAD[code] = t.name().equals("switch");
            SIMPLE_TYPE[code] = switch (t.name()) {
                case "eventfd", "eventfd2" -> FdTypes.EVENT;
                case "signalfd", "signalfd4" -> FdTypes.SIGNALFD;
                case "timerfd_create" -> FdTypes.TIMERFD;
                case "inotify_init", "inotify_init1" -> FdTypes.INOTIFY;
                case "epoll_create", "epoll_create1" -> FdTypes.EVENTPOLL;
                case "userfaultfd" -> FdTypes.USERFAULTFD;
                case "io_uring_setup" -> FdTypes.IOURING;
                case "pidfd_open" -> FdTypes.PIDFD;
                default -> FdTypes.UNKNOWN;
            };
        }
    }

    // scap (PPM_*) constants.
    private static final int CL_FILES = 1, CL_THREAD = 8192, CL_PARENT = 256;
    private static final int O_DIRECTORY = 1024, O_CLOEXEC = 4096, O_CREAT = 4, O_WRONLY = 2, O_TRUNC = 256;
    private static final int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16;
    private static final long AT_FDCWD = -100;
    private static final long EINPROGRESS = -115;
    private static final int FCNTL_DUPFD = 1, FCNTL_SETFD = 3, FCNTL_DUPFD_CLOEXEC = 26;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int PR_SET_NAME = 15;
    private static final int CLOSE_RANGE_CLOEXEC = 4;
    private static final byte[] MEMFD_PREFIX = "memfd:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ThreadTable threads;
    private final UserTable users;
    private final CgroupContainers containers = new CgroupContainers();
    private final PathResolver paths = new PathResolver();
    private final int fdLimit;
    private final EventContext ctx = new EventContext();
    private final TupleFormatter tuples = new TupleFormatter();

    // Deferred removals: libsinsp removes a closed fd and an exited thread after their last event.
    private FdTable pendingCloseTable;
    private long pendingCloseFd = -1;
    private long pendingThreadRemoval = -1;

    /** Processes whose threads were seeded before their main thread (rare: list order). */
    private final java.util.Set<Long> orphanPids = new java.util.HashSet<>();

    private long fdsDropped;
    private long unknownEvents;
    private long threadsCreatedLazily;
    private long events;

    public EventParser(ThreadTable threads, UserTable users, int fdLimit) {
        this.threads = threads;
        this.users = users;
        this.fdLimit = fdLimit;
    }

    public EventContext context() {
        return ctx;
    }

    public ThreadTable threads() {
        return threads;
    }

    public UserTable users() {
        return users;
    }

    /** Fds that could not be tracked because the fd number exceeded the per-process limit. */
    public long fdsDropped() {
        return fdsDropped;
    }

    public long unknownEvents() {
        return unknownEvents;
    }

    public long threadsCreatedLazily() {
        return threadsCreatedLazily;
    }

    public long events() {
        return events;
    }

    /** Applies the record at {@code offset} of {@code segment}; {@code num} is its event number. */
    public EventContext apply(MemorySegment segment, long offset, long num) {
        flushPending();
        events++;
        EventContext c = ctx;
        EventRecord e = c.evt.wrap(segment, offset);
        c.num = num;
        c.enter = null;
        c.fd = null;
        c.fdNum = -1;
        c.fdNameChanged = false;
        c.thread = null;
        c.main = null;
        int code = e.type();
        EventType type = EventTable.get(code);
        c.type = type;
        if (type == null) {
            unknownEvents++;
            c.projectable = false;
            return c;
        }
        if (EventTable.isSynthetic(code)) {
            c.projectable = false;
            applySeed(e, code);
            return c;
        }
        c.projectable = true;
        long tid = e.tid();
        int kind = KIND[code];
        boolean exit = (code & 1) == 1;
        ThreadInfo t = threads.get(tid);
        // tid 0 is the idle task (scheduler events on an idle CPU): no thread, no fields.
        if (t != null && NO_LAZY_THREAD[code] && t.comm.length == 0) {
            t = null; // an entry that only tracks fds is not attributed scheduler events (as libsinsp)
        }
        if (t == null && tid != 0 && !NO_LAZY_THREAD[code] && !(exit && (kind == K_CLONE || kind == K_EXECVE))) {
            t = lazyThread(tid);
        }
        if (t != null) {
            t.lastEventTs = e.ts();
        }
        if (!exit) {
            if (t != null) {
                onEnter(c, e, t, code, type, kind);
            }
            return c;
        }
        if (t != null && t.lastEnterType == code - 1 && t.lastEnter != null) {
            c.enter = c.enterView.wrap(t.lastEnterSegment, 0);
        }
        switch (kind) {
            case K_CLONE -> t = onClone(e, t, code);
            case K_EXECVE -> t = onExecve(c, e, t, code);
            default -> {
            }
        }
        if (t == null) {
            c.projectable = true;
            return c;
        }
        c.thread = t;
        c.main = mainOf(t);
        if (type.hasFlag(EventType.EF_USES_FD) || type.hasFlag(EventType.EF_DESTROYS_FD)) {
            c.fdNum = c.enter != null ? t.lastEventFd : param(e, code, FD, -1);
        }
        switch (kind) {
            case K_OPEN -> onOpen(c, e, t, code);
            case K_CLOSE -> onClose(c, e, t);
            case K_SOCKET -> onSocket(c, e, t, code);
            case K_CONNECT -> onConnect(c, e, t, code);
            case K_ACCEPT -> onAccept(c, e, t, code);
            case K_BIND -> onBind(c, e, t, code);
            case K_LISTEN -> onListen(c, e, t, code);
            case K_PIPE -> onPipe(c, e, t, code);
            case K_DUP -> onDup(c, e, t, code);
            case K_FCNTL -> onFcntl(c, e, t, code);
            case K_CHDIR -> onChdir(c, e, t, code);
            case K_FCHDIR -> onFchdir(c, e, t);
            case K_SETUID, K_SETGID, K_SETRESUID, K_SETRESGID, K_SETREUID, K_SETREGID -> onSetId(c, e, t, code, kind);
            case K_SETSID -> onSetsid(e, t, code);
            case K_PRCTL -> onPrctl(c, e, t, code);
            case K_SIMPLE_FD -> onSimpleFd(c, e, t, code);
            case K_MEMFD -> onMemfd(c, e, t, code);
            case K_SOCKETPAIR -> onSocketpair(c, e, t, code);
            case K_SENDRECV -> onSendRecv(c, e, t, code);
            case K_CLOSE_RANGE -> onCloseRange(e, t, code);
            default -> {
            }
        }
        if (c.fd == null && c.fdNum >= 0 && t.fds != null) {
            c.fd = t.fds.get(c.fdNum);
        }
        return c;
    }

    private void onEnter(EventContext c, EventRecord e, ThreadInfo t, int code, EventType type, int kind) {
        c.thread = t;
        c.main = mainOf(t);
        if (type.hasFlag(EventType.EF_SKIPPARSERESET)) {
            // Scheduler and signal events interleave with a call without ending it: keep its enter.
            return;
        }
        int len = e.len();
        if (t.lastEnter == null || t.lastEnter.length < len) {
            t.lastEnter = new byte[Math.max(len, 128)];
            t.lastEnterSegment = MemorySegment.ofArray(t.lastEnter);
        }
        MemorySegment.copy(e.segment(), ValueLayout.JAVA_BYTE, e.offset(), t.lastEnter, 0, len);
        t.lastEnterType = code;
        if (type.hasFlag(EventType.EF_USES_FD) || type.hasFlag(EventType.EF_DESTROYS_FD)) {
            long fd = param(e, code, FD, -1);
            t.lastEventFd = fd;
            c.fdNum = fd;
            if (t.fds != null) {
                c.fd = t.fds.get(fd);
            }
        }
        if (kind == K_PROCEXIT) {
            onProcexit(e, t, code);
        }
    }

    // ---- threads ----

    private ThreadInfo lazyThread(long tid) {
        // libsinsp creates an empty entry for a thread it has not seen: its fields are <NA> until an
        // execve or a clone fills them, but its fds are tracked from now on.
        ThreadInfo t = new ThreadInfo();
        t.tid = tid;
        t.pid = tid;
        t.ptid = -1;
        t.sid = -1;
        t.vtid = -1;
        t.vpid = -1;
        t.fds = new FdTable(fdLimit);
        threads.put(t);
        threadsCreatedLazily++;
        return t;
    }

    private ThreadInfo mainOf(ThreadInfo t) {
        if (t.isMain()) {
            return t;
        }
        ThreadInfo m = threads.get(t.pid);
        return m == null ? t : m;
    }

    private ThreadInfo onClone(EventRecord e, ThreadInfo caller, int code) {
        long res = param(e, code, RES, -1);
        if (res < 0) {
            return caller;
        }
        int flags = (int) param(e, code, FLAGS, 0);
        boolean thread = (flags & CL_THREAD) != 0;
        ThreadInfo child;
        ThreadInfo source;
        if (res == 0) {
            long tid = e.tid();
            ThreadInfo existing = threads.get(tid);
            if (existing != null && existing.comm.length > 0) {
                return existing; // built from the parent's event already
            }
            long pid = param(e, code, PID, tid);
            long ptid = param(e, code, PTID, 0);
            source = thread ? threads.get(pid) : threads.get(ptid);
            child = new ThreadInfo();
            child.tid = tid;
            child.pid = pid;
            child.ptid = ptid;
        } else {
            if (caller == null) {
                caller = lazyThread(e.tid());
            }
            ThreadInfo existing = threads.get(res);
            if (existing != null && existing.comm.length > 0) {
                return caller; // the child's own event came first
            }
            source = caller;
            child = new ThreadInfo();
            child.tid = res;
            if (thread) {
                child.pid = caller.pid;
                child.ptid = caller.ptid;
            } else {
                child.pid = res;
                child.ptid = (flags & CL_PARENT) != 0 ? caller.ptid : caller.pid;
            }
        }
        if (source != null) {
            child.inheritFrom(source);
        }
        // The call's own parameters describe the image of both sides.
        child.exe = str(e, code, EXE, child.exe);
        child.args = buf(e, code, ARGS, child.args);
        child.comm = str(e, code, COMM, child.comm.length > 0 ? child.comm : child.exe);
        byte[] cwd = str(e, code, CWD, null);
        if (cwd != null && cwd.length > 0) {
            child.cwd = withSlash(cwd);
        }
        child.fdlimit = param(e, code, FDLIMIT, child.fdlimit);
        byte[] cg = buf(e, code, CGROUPS, null);
        if (cg != null && !java.util.Arrays.equals(cg, child.cgroups)) {
            child.cgroups = cg;
            child.container = containers.resolve(cg);
        }
        child.flags = flags;
        if (Params.of(code, UID) >= 0 && has(e, Params.of(code, UID))) {
            child.uid = (int) param(e, code, UID, child.uid);
            child.euid = child.uid;
        }
        if (Params.of(code, GID) >= 0 && has(e, Params.of(code, GID))) {
            child.gid = (int) param(e, code, GID, child.gid);
            child.egid = child.gid;
        }
        if (res == 0) {
            child.vtid = param(e, code, VTID, -1);
            child.vpid = param(e, code, VPID, -1);
        } else {
            child.vtid = -1;
            child.vpid = -1;
        }
        child.pidnsInitStartTs = param(e, code, PIDNS_INIT, child.pidnsInitStartTs);
        child.cloneTs = e.ts();
        FdTable parentFds = source == null ? null : source.fds;
        if (parentFds == null) {
            child.fds = new FdTable(fdLimit);
        } else if (thread || (flags & CL_FILES) != 0) {
            child.fds = parentFds;
        } else {
            child.fds = parentFds.copy();
        }
        if (thread) {
            ThreadInfo main = threads.get(child.pid);
            if (main != null) {
                main.groupThreads++;
                child.cwd = main.cwd;
            }
        }
        ThreadInfo parent = threads.get(child.ptid);
        if (parent != null) {
            parent.children++;
        }
        child.lastEventTs = e.ts();
        threads.put(child);
        return res == 0 ? child : caller;
    }

    private ThreadInfo onExecve(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long res = param(e, code, RES, -1);
        if (res != 0) {
            return t;
        }
        if (t == null) {
            t = new ThreadInfo();
            t.tid = e.tid();
            t.pid = param(e, code, PID, t.tid);
            t.ptid = param(e, code, PTID, 0);
            t.sid = -1;
            t.vtid = -1;
            t.vpid = -1;
            t.fds = new FdTable(fdLimit);
            t.lastEventTs = e.ts();
            threads.put(t);
            ThreadInfo parent = threads.get(t.ptid);
            if (parent != null) {
                parent.children++;
            }
        }
        if (t.ptid < 0) {
            t.ptid = param(e, code, PTID, t.ptid);
            t.pid = param(e, code, PID, t.pid);
        }
        t.exe = str(e, code, EXE, t.exe);
        t.args = buf(e, code, ARGS, EmptyText.BYTES);
        t.comm = str(e, code, COMM, t.exe);
        byte[] cwd = str(e, code, CWD, null);
        if (cwd != null && cwd.length > 0) {
            mainOf(t).cwd = withSlash(cwd);
            t.cwd = mainOf(t).cwd;
        }
        t.fdlimit = param(e, code, FDLIMIT, t.fdlimit);
        byte[] cg = buf(e, code, CGROUPS, null);
        if (cg != null && !java.util.Arrays.equals(cg, t.cgroups)) {
            t.cgroups = cg;
            t.container = containers.resolve(cg);
        }
        t.env = buf(e, code, ENV, t.env);
        t.tty = (int) param(e, code, TTY, t.tty);
        t.vpgid = param(e, code, VPGID, t.vpgid);
        t.pgid = param(e, code, PGID, t.pgid);
        t.loginuid = (int) param(e, code, LOGINUID, t.loginuid);
        t.exeFlags = (int) param(e, code, FLAGS, 0);
        t.capInheritable = param(e, code, CAP_INH, t.capInheritable);
        t.capPermitted = param(e, code, CAP_PERM, t.capPermitted);
        t.capEffective = param(e, code, CAP_EFF, t.capEffective);
        t.exeIno = param(e, code, EXE_INO, 0);
        t.exeInoCtime = param(e, code, EXE_CTIME, 0);
        t.exeInoMtime = param(e, code, EXE_MTIME, 0);
        if (has(e, Params.of(code, UID))) {
            t.euid = (int) param(e, code, UID, t.euid);
            t.uid = t.euid;
        }
        if (has(e, Params.of(code, GID))) {
            t.egid = (int) param(e, code, GID, t.egid);
            t.gid = t.egid;
        }
        // The executable path: what the kernel resolved, else the enter's filename against cwd.
        byte[] trusted = str(e, code, TRUSTED_EXEPATH, null);
        if (trusted != null && trusted.length > 0) {
            t.exepath = trusted;
        } else {
            EventRecord en = c.enter;
            byte[] fn = null;
            if (en != null) {
                int i = Params.of(en.type(), FILENAME);
                if (has(en, i)) {
                    fn = stringBytes(en, i);
                }
            }
            if (fn == null) {
                fn = str(e, code, FILENAME, null);
            }
            if (fn == null && t.exe.length > 0 && t.exe[0] == '/') {
                fn = t.exe; // old layouts carry no path: an absolute argv[0] is the best evidence
            }
            t.exepath = fn == null || fn.length == 0 ? EmptyText.BYTES
                    : fn[0] == '/' ? paths.resolve(null, fn, fn.length) : paths.resolve(stripSlash(mainOf(t).cwd), fn, fn.length);
        }
        if (t.fds != null) {
            t.fds.closeOnExec();
        }
        // execve ends the other threads of the process.
        ThreadInfo main = mainOf(t);
        if (main.groupThreads > 1) {
            final long pid = t.pid;
            final long tid = t.tid;
            java.util.List<Long> others = new java.util.ArrayList<>();
            threads.forEach(o -> {
                if (o.pid == pid && o.tid != tid && o.tid != pid) {
                    others.add(o.tid);
                }
            });
            for (long o : others) {
                threads.remove(o);
            }
            main.groupThreads = 1;
        }
        return t;
    }

    private void onProcexit(EventRecord e, ThreadInfo t, int code) {
        t.dead = true;
        pendingThreadRemoval = t.tid;
        if (t.children > 0) {
            long reaper = param(e, code, REAPER, 0);
            ThreadInfo main = mainOf(t);
            if (reaper <= 0) {
                reaper = main != t && !main.dead ? main.tid : 1;
            }
            final long from = t.tid;
            final long to = reaper;
            ThreadInfo newParent = threads.get(to);
            int[] moved = new int[1];
            threads.forEach(o -> {
                if (o.ptid == from && o.tid != from) {
                    o.ptid = to;
                    moved[0]++;
                }
            });
            if (newParent != null) {
                newParent.children += moved[0];
            }
            t.children = 0;
        }
    }

    private void removeThread(long tid) {
        ThreadInfo t = threads.get(tid);
        if (t == null) {
            return;
        }
        if (t.isMain() && t.groupThreads > 1) {
            return; // the process lives on in its other threads; removed with the last one
        }
        threads.remove(tid);
        ThreadInfo parent = threads.get(t.ptid);
        if (parent != null && parent.children > 0) {
            parent.children--;
        }
        if (!t.isMain()) {
            ThreadInfo main = threads.get(t.pid);
            if (main != null) {
                main.groupThreads--;
                if (main.dead && main.groupThreads <= 1) {
                    main.groupThreads = 1;
                    removeThread(main.tid);
                }
            }
        }
    }

    private void flushPending() {
        if (pendingCloseFd >= 0) {
            pendingCloseTable.remove(pendingCloseFd);
            pendingCloseFd = -1;
            pendingCloseTable = null;
        }
        if (pendingThreadRemoval >= 0) {
            long tid = pendingThreadRemoval;
            pendingThreadRemoval = -1;
            removeThread(tid);
        }
    }

    /**
     * Removes threads the kernel no longer has (found by a resync from /proc), unless an event has
     * touched them since {@code beforeTs}. Other threads go first, so that a process leader whose
     * threads are all gone goes with the last of them. Returns how many threads left the table.
     */
    public int dropVanished(long[] tids, long beforeTs) {
        int size = threads.size();
        for (int pass = 0; pass < 2; pass++) {
            for (long tid : tids) {
                ThreadInfo t = threads.get(tid);
                if (t == null || t.lastEventTs >= beforeTs || t.isMain() != (pass == 1)) {
                    continue;
                }
                t.dead = true;
                removeThread(tid);
            }
        }
        return size - threads.size();
    }

    /** Applies the removals deferred from the last event (for a caller that inspects state between events). */
    public void flush() {
        flushPending();
    }

    // ---- fds ----

    private void addFd(EventContext c, ThreadInfo t, long fd, FdInfo info) {
        if (t.fds == null) {
            t.fds = new FdTable(fdLimit);
        }
        if (!t.fds.put(fd, info)) {
            fdsDropped++;
            return;
        }
        c.fdNum = fd;
        c.fd = info;
    }

    private long resultFd(EventRecord e, int code) {
        int i = Params.of(code, FD);
        if (i < 0 || !has(e, i) || EventTable.get(code).param(i).type() != io.peregrine.protocol.event.ParamType.FD) {
            i = Params.of(code, RES);
        }
        return has(e, i) ? e.number(i) : -1;
    }

    private void onOpen(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long fd = resultFd(e, code);
        c.fdNum = fd;
        if (fd < 0) {
            return;
        }
        EventRecord src = e;
        int ni = Params.of(code, NAME);
        if (ni < 0 || !has(e, ni)) {
            ni = Params.of(code, PATH);
        }
        if ((ni < 0 || !has(e, ni)) && c.enter != null) {
            src = c.enter;
            ni = Params.of(src.type(), NAME);
        }
        byte[] raw = ni >= 0 && has(src, ni) ? stringBytes(src, ni) : EmptyText.BYTES;
        long dirfd = AT_FDCWD;
        int di = Params.of(code, DIRFD);
        if (di >= 0 && has(e, di)) {
            dirfd = e.number(di);
        } else if (c.enter != null && has(c.enter, Params.of(c.enter.type(), DIRFD))) {
            dirfd = c.enter.number(Params.of(c.enter.type(), DIRFD));
        }
        int flags = (int) param(e, code, FLAGS, c.enter != null ? paramOf(c.enter, FLAGS, 0) : 0);
        if (EventTable.get(code).name().equals("creat")) {
            flags |= O_CREAT | O_WRONLY | O_TRUNC;
        }
        FdInfo f = new FdInfo();
        f.type = (flags & O_DIRECTORY) != 0 ? FdTypes.DIRECTORY : FdTypes.FILE;
        f.openFlags = flags;
        f.cloexec = (flags & O_CLOEXEC) != 0;
        f.name = resolvePath(t, dirfd, raw);
        f.nameRaw = java.util.Arrays.equals(raw, f.name) ? null : raw;
        f.dev = (int) param(e, code, DEV, 0);
        f.ino = param(e, code, INO, 0);
        addFd(c, t, fd, f);
    }

    /** The path of a call: absolute as is, else against dirfd's directory or the cwd; normalised. */
    public byte[] resolvePath(ThreadInfo t, long dirfd, byte[] raw) {
        if (raw.length == 0) {
            return raw;
        }
        if (raw[0] == '/') {
            return paths.resolve(null, raw, raw.length);
        }
        byte[] dir;
        if (dirfd == AT_FDCWD || dirfd == Integer.toUnsignedLong(-100)) {
            dir = stripSlash(mainOf(t).cwd);
        } else {
            FdInfo d = t.fds == null ? null : t.fds.get(dirfd);
            dir = d == null ? null : d.name;
        }
        if (dir == null || dir.length == 0) {
            // Without a known base, keep the path as the call gave it (libsinsp does the same).
            return raw;
        }
        return paths.resolve(dir, raw, raw.length);
    }

    private void onClose(EventContext c, EventRecord e, ThreadInfo t) {
        long res = param(e, e.type(), RES, -1);
        if (res == 0 && c.fdNum >= 0 && t.fds != null) {
            pendingCloseTable = t.fds;
            pendingCloseFd = c.fdNum;
        }
    }

    private void onCloseRange(EventRecord e, ThreadInfo t, int code) {
        if (param(e, code, RES, -1) != 0 || t.fds == null) {
            return;
        }
        long first = param(e, code, FIRST, 0);
        long last = Math.min(param(e, code, LAST, 0), t.fds.capacity() - 1L);
        boolean cloexec = (param(e, code, FLAGS, 0) & CLOSE_RANGE_CLOEXEC) != 0;
        for (long fd = first; fd <= last; fd++) {
            if (cloexec) {
                FdInfo f = t.fds.get(fd);
                if (f != null) {
                    f.cloexec = true;
                }
            } else {
                t.fds.remove(fd);
            }
        }
    }

    private void onSocket(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long fd = resultFd(e, code);
        c.fdNum = fd;
        if (fd < 0) {
            return;
        }
        EventRecord src = has(e, Params.of(code, DOMAIN)) ? e : c.enter;
        long domain = src == null ? 0 : paramOf(src, DOMAIN, 0);
        long type = src == null ? 0 : paramOf(src, TYPE, 0);
        long proto = src == null ? 0 : paramOf(src, PROTO, 0);
        FdInfo f = new FdInfo();
        f.type = switch ((int) domain) {
            case AF_INET -> FdTypes.IPV4_SOCK;
            case AF_INET6 -> FdTypes.IPV6_SOCK;
            case AF_UNIX -> FdTypes.UNIX_SOCK;
            case AF_NETLINK -> FdTypes.NETLINK;
            default -> FdTypes.UNSUPPORTED;
        };
        f.ipVersion = (byte) (domain == AF_INET ? 4 : domain == AF_INET6 ? 6 : 0);
        f.l4proto = l4(type, proto);
        f.cloexec = (type & SOCK_CLOEXEC) != 0;
        addFd(c, t, fd, f);
    }

    private static byte l4(long type, long proto) {
        return switch ((int) (type & 0xf)) {
            case 1 -> FdTypes.L4_TCP;
            case 2 -> FdTypes.L4_UDP;
            case 3 -> proto == 1 || proto == 58 ? FdTypes.L4_ICMP : FdTypes.L4_RAW;
            default -> proto == 6 ? FdTypes.L4_TCP : proto == 17 ? FdTypes.L4_UDP : FdTypes.L4_UNKNOWN;
        };
    }

    private void onConnect(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long res = param(e, code, RES, -1);
        FdInfo f = t.fds == null ? null : t.fds.get(c.fdNum);
        if (f == null || (res != 0 && res != EINPROGRESS)) {
            return;
        }
        int ti = Params.of(code, TUPLE);
        if (has(e, ti) && setTuple(f, e, ti, false)) {
            f.connected = true;
            c.fdNameChanged = true;
        } else if (c.enter != null && has(c.enter, Params.of(c.enter.type(), ADDR))) {
            setAddr(f, c.enter, Params.of(c.enter.type(), ADDR), false);
            f.connected = true;
            c.fdNameChanged = true;
        }
        c.fd = f;
    }

    private void onAccept(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long fd = resultFd(e, code);
        c.fdNum = fd;
        if (fd < 0) {
            return;
        }
        FdInfo f = new FdInfo();
        int ti = Params.of(code, TUPLE);
        if (has(e, ti)) {
            setTuple(f, e, ti, true);
        }
        if (f.type == FdTypes.UNKNOWN) {
            f.type = FdTypes.UNSUPPORTED;
        }
        f.server = true;
        f.connected = true;
        c.fdNameChanged = true;
        addFd(c, t, fd, f);
    }

    private void onBind(EventContext c, EventRecord e, ThreadInfo t, int code) {
        if (param(e, code, RES, -1) != 0) {
            return;
        }
        FdInfo f = t.fds == null ? null : t.fds.get(c.fdNum);
        int ai = Params.of(code, ADDR);
        if (f != null && has(e, ai)) {
            setAddr(f, e, ai, true);
            f.server = true;
        }
    }

    private void onListen(EventContext c, EventRecord e, ThreadInfo t, int code) {
        FdInfo f = t.fds == null ? null : t.fds.get(c.fdNum);
        if (f != null && param(e, code, RES, -1) == 0) {
            f.server = true;
        }
    }

    private void onSendRecv(EventContext c, EventRecord e, ThreadInfo t, int code) {
        FdInfo f = t.fds == null ? null : t.fds.get(c.fdNum);
        int ti = Params.of(code, TUPLE);
        if (f == null || f.connected || !f.isIp() || !has(e, ti)) {
            return;
        }
        // An unconnected (datagram) socket: the tuple of the last message names it.
        boolean inbound = EventTable.get(code).name().startsWith("recv");
        if (setTuple(f, e, ti, inbound)) {
            c.fdNameChanged = true;
        }
    }

    private void onPipe(EventContext c, EventRecord e, ThreadInfo t, int code) {
        if (param(e, code, RES, -1) < 0) {
            return;
        }
        long ino = param(e, code, INO, 0);
        int flags = (int) param(e, code, FLAGS, 0);
        for (int key : new int[] {FD1, FD2}) {
            long fd = param(e, code, key, -1);
            if (fd >= 0) {
                FdInfo f = new FdInfo();
                f.type = FdTypes.FIFO;
                f.ino = ino;
                f.cloexec = (flags & O_CLOEXEC) != 0;
                addFd(c, t, fd, f);
            }
        }
        c.fd = null;
        c.fdNum = -1;
    }

    private void onSocketpair(EventContext c, EventRecord e, ThreadInfo t, int code) {
        if (param(e, code, RES, -1) < 0) {
            return;
        }
        long source = param(e, code, SOURCE, 0);
        long peer = param(e, code, PEER, 0);
        long domain = param(e, code, DOMAIN, AF_UNIX);
        for (int key : new int[] {FD1, FD2}) {
            long fd = param(e, code, key, -1);
            if (fd >= 0) {
                FdInfo f = new FdInfo();
                f.type = domain == AF_UNIX ? FdTypes.UNIX_SOCK : FdTypes.UNSUPPORTED;
                f.clientLo = source;
                f.serverLo = peer;
                f.name = tuples.unixName(source, peer, EmptyText.BYTES, 0);
                addFd(c, t, fd, f);
            }
        }
        c.fd = null;
        c.fdNum = -1;
    }

    private void onSimpleFd(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long fd = resultFd(e, code);
        c.fdNum = fd;
        if (fd < 0) {
            return;
        }
        FdInfo f = new FdInfo();
        f.type = SIMPLE_TYPE[code];
        addFd(c, t, fd, f);
    }

    private void onMemfd(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long fd = resultFd(e, code);
        c.fdNum = fd;
        if (fd < 0) {
            return;
        }
        FdInfo f = new FdInfo();
        f.type = FdTypes.MEMFD;
        byte[] n = str(e, code, NAME, EmptyText.BYTES);
        byte[] name = new byte[MEMFD_PREFIX.length + n.length];
        System.arraycopy(MEMFD_PREFIX, 0, name, 0, MEMFD_PREFIX.length);
        System.arraycopy(n, 0, name, MEMFD_PREFIX.length, n.length);
        f.name = name;
        f.cloexec = (param(e, code, FLAGS, 0) & 1) != 0; // MFD_CLOEXEC
        addFd(c, t, fd, f);
    }

    private void onDup(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long res = param(e, code, RES, -1);
        if (res < 0 || t.fds == null) {
            return;
        }
        long old = param(e, code, OLDFD, -1);
        if (old < 0) {
            old = c.enter != null ? paramOf(c.enter, FD, paramOf(c.enter, OLDFD, -1)) : c.fdNum;
        }
        FdInfo src = t.fds.get(old);
        if (src == null) {
            return;
        }
        if (res == old) {
            c.fdNum = res;
            c.fd = src;
            return;
        }
        FdInfo f = src.copy();
        f.cloexec = (param(e, code, FLAGS, 0) & O_CLOEXEC) != 0;
        addFd(c, t, res, f);
    }

    private void onFcntl(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long res = param(e, code, RES, -1);
        if (res < 0 || t.fds == null) {
            return;
        }
        long cmd = has(e, Params.of(code, CMD)) ? param(e, code, CMD, 0) : c.enter != null ? paramOf(c.enter, CMD, 0) : 0;
        long fd = has(e, Params.of(code, FD)) ? param(e, code, FD, -1) : c.fdNum;
        FdInfo src = t.fds.get(fd);
        if (src == null) {
            return;
        }
        if (cmd == FCNTL_DUPFD || cmd == FCNTL_DUPFD_CLOEXEC) {
            FdInfo f = src.copy();
            f.cloexec = cmd == FCNTL_DUPFD_CLOEXEC;
            addFd(c, t, res, f);
        } else if (cmd == FCNTL_SETFD && has(e, Params.of(code, ARG))) {
            src.cloexec = (param(e, code, ARG, 0) & 1) != 0;
        }
    }

    private void onChdir(EventContext c, EventRecord e, ThreadInfo t, int code) {
        if (param(e, code, RES, -1) != 0) {
            return;
        }
        byte[] p = str(e, code, PATH, null);
        if (p == null && c.enter != null && has(c.enter, Params.of(c.enter.type(), PATH))) {
            p = stringBytes(c.enter, Params.of(c.enter.type(), PATH));
        }
        if (p == null || p.length == 0) {
            return;
        }
        ThreadInfo m = mainOf(t);
        m.cwd = withSlash(p[0] == '/' ? paths.resolve(null, p, p.length) : paths.resolve(stripSlash(m.cwd), p, p.length));
        t.cwd = m.cwd;
    }

    private void onFchdir(EventContext c, EventRecord e, ThreadInfo t) {
        if (param(e, e.type(), RES, -1) != 0 || t.fds == null) {
            return;
        }
        FdInfo f = t.fds.get(c.fdNum);
        if (f != null && f.name.length > 0) {
            ThreadInfo m = mainOf(t);
            m.cwd = withSlash(f.name);
            t.cwd = m.cwd;
        }
    }

    private void onSetId(EventContext c, EventRecord e, ThreadInfo t, int code, int kind) {
        if (param(e, code, RES, -1) != 0) {
            return;
        }
        EventRecord src = e;
        switch (kind) {
            case K_SETUID -> {
                long v = idParam(e, c.enter, UID);
                if (v >= 0) {
                    t.uid = (int) v;
                    t.euid = (int) v;
                }
            }
            case K_SETGID -> {
                long v = idParam(e, c.enter, GID);
                if (v >= 0) {
                    t.gid = (int) v;
                    t.egid = (int) v;
                }
            }
            case K_SETRESUID, K_SETREUID -> {
                long r = idParam(e, c.enter, RUID);
                long ef = idParam(e, c.enter, EUID);
                if (r >= 0 && r != 0xFFFFFFFFL) {
                    t.uid = (int) r;
                }
                if (ef >= 0 && ef != 0xFFFFFFFFL) {
                    t.euid = (int) ef;
                }
            }
            case K_SETRESGID, K_SETREGID -> {
                long r = idParam(e, c.enter, RGID);
                long ef = idParam(e, c.enter, EGID);
                if (r >= 0 && r != 0xFFFFFFFFL) {
                    t.gid = (int) r;
                }
                if (ef >= 0 && ef != 0xFFFFFFFFL) {
                    t.egid = (int) ef;
                }
            }
            default -> {
            }
        }
        if (src == null) {
            return;
        }
    }

    private long idParam(EventRecord e, EventRecord enter, int key) {
        int i = Params.of(e.type(), key);
        if (has(e, i)) {
            return e.number(i);
        }
        if (enter != null) {
            int j = Params.of(enter.type(), key);
            if (has(enter, j)) {
                return enter.number(j);
            }
        }
        return -1;
    }

    private void onSetsid(EventRecord e, ThreadInfo t, int code) {
        long res = param(e, code, RES, -1);
        if (res > 0) {
            t.sid = res;
            t.vpgid = res;
        }
    }

    private void onPrctl(EventContext c, EventRecord e, ThreadInfo t, int code) {
        if (param(e, code, RES, -1) != 0 || param(e, code, OPTION, 0) != PR_SET_NAME) {
            return;
        }
        byte[] n = str(e, code, ARG2_STR, null);
        if (n != null && n.length > 0) {
            t.comm = n;
        }
    }

    // ---- sockets ----

    /** Sets endpoints from a socket tuple parameter; {@code inbound}: the source is the remote client. */
    private boolean setTuple(FdInfo f, EventRecord e, int i, boolean inbound) {
        int len = e.paramLen(i);
        long at = e.paramOffset(i);
        MemorySegment s = e.segment();
        int family = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at));
        if (family == AF_INET && len >= 13) {
            long src = Integer.toUnsignedLong(beInt(s, at + 1));
            int sport = Short.toUnsignedInt(s.get(EventRecord.I16, at + 5));
            long dst = Integer.toUnsignedLong(beInt(s, at + 7));
            int dport = Short.toUnsignedInt(s.get(EventRecord.I16, at + 11));
            if (f.type != FdTypes.IPV4_SERVSOCK) {
                f.type = FdTypes.IPV4_SOCK;
            }
            f.ipVersion = 4;
            setEndpoints(f, 0, src, sport, 0, dst, dport, inbound);
            if (f.l4proto == FdTypes.L4_UNKNOWN) {
                f.l4proto = FdTypes.L4_TCP;
            }
            f.name = tuples.ipName(f);
            return true;
        }
        if (family == AF_INET6 && len >= 37) {
            long sh = beLong(s, at + 1), sl = beLong(s, at + 9);
            int sport = Short.toUnsignedInt(s.get(EventRecord.I16, at + 17));
            long dh = beLong(s, at + 19), dl = beLong(s, at + 27);
            int dport = Short.toUnsignedInt(s.get(EventRecord.I16, at + 35));
            if (TupleFormatter.isV4Mapped(sh, sl) && TupleFormatter.isV4Mapped(dh, dl)) {
                f.type = FdTypes.IPV4_SOCK;
                f.ipVersion = 4;
                setEndpoints(f, 0, sl & 0xFFFFFFFFL, sport, 0, dl & 0xFFFFFFFFL, dport, inbound);
            } else {
                f.type = FdTypes.IPV6_SOCK;
                f.ipVersion = 6;
                setEndpoints(f, sh, sl, sport, dh, dl, dport, inbound);
            }
            if (f.l4proto == FdTypes.L4_UNKNOWN) {
                f.l4proto = FdTypes.L4_TCP;
            }
            f.name = tuples.ipName(f);
            return true;
        }
        if (family == AF_UNIX && len >= 17) {
            long src = s.get(EventRecord.I64, at + 1);
            long dst = s.get(EventRecord.I64, at + 9);
            f.type = FdTypes.UNIX_SOCK;
            f.clientLo = src;
            f.serverLo = dst;
            int plen = len - 17;
            byte[] path = new byte[plen];
            MemorySegment.copy(s, ValueLayout.JAVA_BYTE, at + 17, path, 0, plen);
            f.name = tuples.unixName(src, dst, path, trimNul(path));
            return true;
        }
        return false;
    }

    private void setEndpoints(FdInfo f, long sh, long sl, int sport, long dh, long dl, int dport, boolean inbound) {
        if (inbound) {
            f.clientHi = sh;
            f.clientLo = sl;
            f.clientPort = sport;
            f.serverHi = dh;
            f.serverLo = dl;
            f.serverPort = dport;
            f.server = true;
        } else {
            f.clientHi = sh;
            f.clientLo = sl;
            f.clientPort = sport;
            f.serverHi = dh;
            f.serverLo = dl;
            f.serverPort = dport;
            f.server = false;
        }
    }

    /** Sets one endpoint from a sockaddr: the remote server (connect) or the local one (bind). */
    private void setAddr(FdInfo f, EventRecord e, int i, boolean local) {
        int len = e.paramLen(i);
        long at = e.paramOffset(i);
        MemorySegment s = e.segment();
        int family = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at));
        if (family == AF_INET && len >= 7) {
            f.serverHi = 0;
            f.serverLo = Integer.toUnsignedLong(beInt(s, at + 1));
            f.serverPort = Short.toUnsignedInt(s.get(EventRecord.I16, at + 5));
            f.ipVersion = 4;
            f.name = local ? f.name : tuples.ipName(f);
        } else if (family == AF_INET6 && len >= 19) {
            f.serverHi = beLong(s, at + 1);
            f.serverLo = beLong(s, at + 9);
            f.serverPort = Short.toUnsignedInt(s.get(EventRecord.I16, at + 17));
            f.ipVersion = 6;
            f.name = local ? f.name : tuples.ipName(f);
        } else if (family == AF_UNIX && len > 1) {
            byte[] path = new byte[len - 1];
            MemorySegment.copy(s, ValueLayout.JAVA_BYTE, at + 1, path, 0, len - 1);
            int n = trimNul(path);
            f.name = java.util.Arrays.copyOf(path, n);
        }
    }

    private static int trimNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return b.length;
    }

    private static int beInt(MemorySegment s, long at) {
        return Integer.reverseBytes(s.get(EventRecord.I32, at));
    }

    private static long beLong(MemorySegment s, long at) {
        return Long.reverseBytes(s.get(EventRecord.I64, at));
    }

    // ---- seeds ----

    private void applySeed(EventRecord e, int code) {
        switch (code) {
            case EventCodes.PEREGRINE_SEED_THREAD_E -> seedThread(e, code);
            case EventCodes.PEREGRINE_SEED_FD_E -> seedFd(e, code);
            case EventCodes.PEREGRINE_SEED_USER_E -> users.putUser(new UserTable.User(
                    (int) param(e, code, UID, -1), (int) param(e, code, GID, -1),
                    str(e, code, NAME, EmptyText.BYTES), str(e, code, HOME, EmptyText.BYTES),
                    str(e, code, SHELL, EmptyText.BYTES)));
            case EventCodes.PEREGRINE_SEED_GROUP_E -> users.putGroup((int) param(e, code, GID, -1),
                    str(e, code, NAME, EmptyText.BYTES));
            default -> {
            }
        }
    }

    private void seedThread(EventRecord e, int code) {
        ThreadInfo t = new ThreadInfo();
        t.tid = param(e, code, TID, e.tid());
        t.pid = param(e, code, PID, t.tid);
        t.ptid = param(e, code, PTID, 0);
        t.sid = param(e, code, SID, 0);
        t.vpgid = param(e, code, VPGID, 0);
        t.pgid = param(e, code, PGID, 0);
        t.comm = str(e, code, COMM, EmptyText.BYTES);
        t.exe = str(e, code, EXE, EmptyText.BYTES);
        t.exepath = str(e, code, Params.of(code, TRUSTED_EXEPATH) >= 0 ? TRUSTED_EXEPATH : Params.of(code, PATH) >= 0 ? PATH : TRUSTED_EXEPATH, EmptyText.BYTES);
        int ei = e.eventType().paramIndex("exepath");
        if (has(e, ei)) {
            t.exepath = stringBytes(e, ei);
        }
        t.args = buf(e, code, ARGS, EmptyText.BYTES);
        t.env = buf(e, code, ENV, EmptyText.BYTES);
        byte[] cwd = str(e, code, CWD, EmptyText.BYTES);
        t.cwd = cwd.length == 0 ? cwd : withSlash(cwd);
        t.fdlimit = param(e, code, FDLIMIT, 0);
        t.flags = (int) param(e, code, FLAGS, 0);
        t.uid = (int) param(e, code, UID, -1);
        t.gid = (int) param(e, code, GID, -1);
        t.euid = (int) param(e, code, EUID, t.uid);
        t.egid = (int) param(e, code, EGID, t.gid);
        t.loginuid = (int) param(e, code, LOGINUID, -1);
        t.tty = (int) param(e, code, TTY, 0);
        t.vtid = param(e, code, VTID, t.tid);
        t.vpid = param(e, code, VPID, t.pid);
        t.cgroups = buf(e, code, CGROUPS, EmptyText.BYTES);
        t.container = containers.resolve(t.cgroups);
        t.cloneTs = param(e, code, CLONE_TS, 0);
        t.pidnsInitStartTs = param(e, code, PIDNS_INIT, 0);
        t.capInheritable = param(e, code, CAP_INH, 0);
        t.capPermitted = param(e, code, CAP_PERM, 0);
        t.capEffective = param(e, code, CAP_EFF, 0);
        t.exeFlags = (int) param(e, code, EXE_FLAGS, 0);
        t.exeIno = param(e, code, EXE_INO, 0);
        t.exeInoCtime = param(e, code, EXE_CTIME, 0);
        t.exeInoMtime = param(e, code, EXE_MTIME, 0);
        t.lastEventTs = e.ts();
        ThreadInfo main = t.isMain() ? null : threads.get(t.pid);
        if (main != null) {
            t.fds = main.fds;
            main.groupThreads++;
        } else {
            t.fds = new FdTable(fdLimit);
        }
        ThreadInfo old = threads.get(t.tid);
        if (old != null && t.isMain()) {
            t.groupThreads = old.groupThreads;
            t.children = old.children;
        }
        threads.put(t);
        // Threads seeded before their main thread: point them at the main's table now.
        if (t.isMain() && orphanPids.remove(t.pid)) {
            final ThreadInfo m = t;
            int[] n = new int[1];
            threads.forEach(o -> {
                if (o.pid == m.pid && o != m && o.fds != m.fds) {
                    o.fds = m.fds;
                    n[0]++;
                }
            });
            m.groupThreads += n[0];
        } else if (!t.isMain() && main == null) {
            orphanPids.add(t.pid);
        }
        ThreadInfo parent = threads.get(t.ptid);
        if (parent != null) {
            parent.children++;
        }
    }

    private void seedFd(EventRecord e, int code) {
        long tid = param(e, code, TID, e.tid());
        ThreadInfo t = threads.get(tid);
        if (t == null) {
            t = lazyThread(tid);
        }
        long fd = param(e, code, FD, -1);
        FdInfo f = new FdInfo();
        f.type = (byte) param(e, code, FDTYPE, FdTypes.UNSUPPORTED);
        f.ino = param(e, code, INO, 0);
        f.openFlags = (int) param(e, code, FLAGS, 0);
        f.cloexec = (f.openFlags & O_CLOEXEC) != 0;
        f.name = str(e, code, NAME, EmptyText.BYTES);
        if (f.name.length > 0 && f.name[f.name.length - 1] == '\n') {
            f.name = java.util.Arrays.copyOf(f.name, f.name.length - 1); // /proc/net/unix line ends
        }
        f.dev = (int) param(e, code, DEV, 0);
        f.l4proto = (byte) param(e, code, L4PROTO, 0);
        if (f.isIp()) {
            boolean v6 = f.type == FdTypes.IPV6_SOCK || f.type == FdTypes.IPV6_SERVSOCK;
            f.ipVersion = (byte) (v6 ? 6 : 4);
            int si = Params.of(code, SIP), di = Params.of(code, DIP);
            long[] sa = ip(e, si);
            long[] da = ip(e, di);
            int sport = (int) param(e, code, SPORT, 0), dport = (int) param(e, code, DPORT, 0);
            if (f.type == FdTypes.IPV4_SERVSOCK || f.type == FdTypes.IPV6_SERVSOCK) {
                f.server = true;
                f.serverHi = sa[0];
                f.serverLo = sa[1];
                f.serverPort = sport;
            } else {
                // As sysdig reads a .scap fd list: the first endpoint is the local server's.
                f.server = true;
                f.serverHi = sa[0];
                f.serverLo = sa[1];
                f.serverPort = sport;
                f.clientHi = da[0];
                f.clientLo = da[1];
                f.clientPort = dport;
                f.connected = true;
            }
            if (f.name.length == 0) {
                f.name = tuples.ipName(f);
            }
        } else if (f.type == FdTypes.UNIX_SOCK) {
            f.clientLo = param(e, code, SOURCE, 0);
            f.serverLo = param(e, code, DEST, 0);
        }
        if (t.fds == null) {
            t.fds = new FdTable(fdLimit);
        }
        if (!t.fds.put(fd, f)) {
            fdsDropped++;
        }
    }

    private static long[] ip(EventRecord e, int i) {
        long[] r = new long[2];
        if (!has(e, i)) {
            return r;
        }
        int len = e.paramLen(i);
        long at = e.paramOffset(i);
        if (len == 4) {
            r[1] = Integer.toUnsignedLong(beInt(e.segment(), at));
        } else if (len == 16) {
            r[0] = beLong(e.segment(), at);
            r[1] = beLong(e.segment(), at + 8);
        }
        return r;
    }

    // ---- parameter access ----

    static boolean has(EventRecord e, int i) {
        return i >= 0 && i < e.nparams() && e.paramLen(i) > 0;
    }

    static long param(EventRecord e, int code, int key, long dflt) {
        int i = Params.of(code, key);
        return has(e, i) ? e.number(i) : dflt;
    }

    static long paramOf(EventRecord e, int key, long dflt) {
        return param(e, e.type(), key, dflt);
    }

    static byte[] stringBytes(EventRecord e, int i) {
        byte[] b = new byte[e.stringLen(i)];
        MemorySegment.copy(e.segment(), ValueLayout.JAVA_BYTE, e.paramOffset(i), b, 0, b.length);
        return b;
    }

    private static byte[] str(EventRecord e, int code, int key, byte[] dflt) {
        int i = Params.of(code, key);
        return has(e, i) ? stringBytes(e, i) : dflt;
    }

    private static byte[] buf(EventRecord e, int code, int key, byte[] dflt) {
        int i = Params.of(code, key);
        if (i < 0 || i >= e.nparams()) {
            return dflt;
        }
        return e.bytes(i);
    }

    private static byte[] withSlash(byte[] p) {
        if (p.length > 0 && p[p.length - 1] == '/') {
            return p;
        }
        byte[] r = java.util.Arrays.copyOf(p, p.length + 1);
        r[p.length] = '/';
        return r;
    }

    private static byte[] stripSlash(byte[] p) {
        return p;
    }

    /** Name of a flag table entry; used by tests to check constants against the event table. */
    static String prctlName(long v) {
        return FlagTables.PRCTL_OPTIONS.nameOf(v);
    }
}
