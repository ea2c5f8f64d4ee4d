package io.peregrine.state.parsers;

import io.peregrine.state.text.EmptyText;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.state.containers.CgroupContainers;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.state.fds.FdTable;
import io.peregrine.protocol.scap.FdTypes;
import io.peregrine.state.fds.TupleFormatter;
import io.peregrine.state.threads.ThreadInfo;
import io.peregrine.state.threads.ThreadTable;
import io.peregrine.state.users.UserTable;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static io.peregrine.state.parsers.Params.*;

/**
 * The seed events that describe what existed before the capture (threads, fds, users, groups read
 * from /proc and the passwd files), applied to the tables as they are.
 */
final class Seeds {

    private static final int O_CLOEXEC = 4096;

    private final StateTables tables;
    private final ThreadTable threads;
    private final UserTable users;
    private final CgroupContainers containers;
    private final TupleFormatter tuples;
    private final int fdLimit;
    /** Processes whose threads were seeded before their main thread (rare: list order). */
    private final Set<Long> orphanPids = new HashSet<>();

    Seeds(StateTables tables) {
        this.tables = tables;
        this.threads = tables.threads;
        this.users = tables.users;
        this.containers = tables.containers;
        this.tuples = tables.tuples;
        this.fdLimit = tables.fdLimit;
    }

    void apply(EventRecord e, int code) {
        switch (code) {
            case EventCodes.PEREGRINE_SEED_THREAD_E -> seedThread(e, code);
            case EventCodes.PEREGRINE_SEED_FD_E -> seedFd(e, code);
            case EventCodes.PEREGRINE_SEED_USER_E -> users.putUser(new UserTable.User(
                    (int) param(e, code, UID, -1), (int) param(e, code, GID, -1),
                    str(e, code, NAME, EmptyText.BYTES), str(e, code, HOME, EmptyText.BYTES),
                    str(e, code, SHELL, EmptyText.BYTES)));
            case EventCodes.PEREGRINE_SEED_GROUP_E -> users.putGroup((int) param(e, code, GID, -1),
                    str(e, code, NAME, EmptyText.BYTES));
            case EventCodes.PEREGRINE_SEED_IFADDR_E -> {
                int ai = Params.of(code, ADDR);
                if (has(e, ai) && (e.paramLen(ai) == 4 || e.paramLen(ai) == 16)) {
                    long[] a = ip(e, ai);
                    tables.local.add(e.paramLen(ai) == 4 ? 4 : 6, a[0], a[1]);
                }
            }
            default -> {
            }
        }
    }

    private void seedThread(EventRecord e, int code) {
        ThreadInfo t = seededThread(e, code);
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

    /** A thread as the seed describes it, not yet linked to its process. */
    private ThreadInfo seededThread(EventRecord e, int code) {
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
        t.cwd = cwd.length == 0 ? cwd : CwdCalls.withSlash(cwd);
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
        return t;
    }

    private void seedFd(EventRecord e, int code) {
        long tid = param(e, code, TID, e.tid());
        ThreadInfo t = threads.get(tid);
        if (t == null) {
            t = tables.lazyThread(tid);
        }
        long fd = param(e, code, FD, -1);
        FdInfo f = new FdInfo();
        f.type = (byte) param(e, code, FDTYPE, FdTypes.UNSUPPORTED);
        f.ino = param(e, code, INO, 0);
        f.openFlags = (int) param(e, code, FLAGS, 0);
        f.cloexec = (f.openFlags & O_CLOEXEC) != 0;
        f.name = str(e, code, NAME, EmptyText.BYTES);
        if (f.name.length > 0 && f.name[f.name.length - 1] == '\n') {
            f.name = Arrays.copyOf(f.name, f.name.length - 1); // /proc/net/unix line ends
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
            tables.fdsDropped++;
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
            r[1] = Integer.toUnsignedLong(SocketAddresses.beInt(e.segment(), at));
        } else if (len == 16) {
            r[0] = SocketAddresses.beLong(e.segment(), at);
            r[1] = SocketAddresses.beLong(e.segment(), at + 8);
        }
        return r;
    }
}
