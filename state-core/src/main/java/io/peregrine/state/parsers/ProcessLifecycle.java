package io.peregrine.state.parsers;

import io.peregrine.state.text.EmptyText;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.state.fds.FdTable;
import io.peregrine.protocol.scap.FdTypes;
import io.peregrine.state.containers.CgroupContainers;
import io.peregrine.state.fds.PathResolver;
import io.peregrine.state.threads.ThreadInfo;
import io.peregrine.state.threads.ThreadTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.peregrine.state.parsers.Params.*;

/**
 * Threads coming and going: clone/fork/vfork build the child from its parent (sharing or copying the
 * fd table), execve replaces the image and closes close-on-exec fds, procexit re-parents the children
 * and removes the thread after its last event.
 */
final class ProcessLifecycle {

    private static final int CL_FILES = 1, CL_THREAD = 8192, CL_PARENT = 256;

    private final StateTables tables;
    private final ThreadTable threads;
    private final CgroupContainers containers;
    private final PathResolver paths;
    private final int fdLimit;
    /** Deferred removal: libsinsp removes an exited thread after its last event. */
    private long pendingThreadRemoval = -1;

    ProcessLifecycle(StateTables tables) {
        this.tables = tables;
        this.threads = tables.threads;
        this.containers = tables.containers;
        this.paths = tables.paths;
        this.fdLimit = tables.fdLimit;
    }

    ThreadInfo onClone(EventRecord e, ThreadInfo caller, int code) {
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
            if (existing != null && existing.known()) {
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
                caller = tables.lazyThread(e.tid());
            }
            ThreadInfo existing = threads.get(res);
            if (existing != null && existing.known()) {
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
        cloneImage(child, e, code, flags, res == 0);
        cloneLinks(child, source, flags, thread);
        child.lastEventTs = e.ts();
        threads.put(child);
        return res == 0 ? child : caller;
    }

    /** The call's own parameters describe the image of both sides. */
    private void cloneImage(ThreadInfo child, EventRecord e, int code, int flags, boolean childSide) {
        child.exe = str(e, code, EXE, child.exe);
        child.args = buf(e, code, ARGS, child.args);
        child.comm = str(e, code, COMM, child.comm.length > 0 ? child.comm : child.exe);
        byte[] cwd = str(e, code, CWD, null);
        if (cwd != null && cwd.length > 0) {
            child.cwd = CwdCalls.withSlash(cwd);
        }
        child.fdlimit = param(e, code, FDLIMIT, child.fdlimit);
        byte[] cg = buf(e, code, CGROUPS, null);
        if (cg != null && !Arrays.equals(cg, child.cgroups)) {
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
        if (childSide) {
            child.vtid = param(e, code, VTID, -1);
            child.vpid = param(e, code, VPID, -1);
        } else {
            child.vtid = -1;
            child.vpid = -1;
        }
        child.pidnsInitStartTs = param(e, code, PIDNS_INIT, child.pidnsInitStartTs);
        child.cloneTs = e.ts();
    }

    /** The child's fd table (shared or copied), its process's thread count and its parent's children. */
    private void cloneLinks(ThreadInfo child, ThreadInfo source, int flags, boolean thread) {
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
    }

    ThreadInfo onExecve(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long res = param(e, code, RES, -1);
        if (res != 0) {
            return t;
        }
        if (t == null) {
            t = execThread(e, code);
        }
        if (t.ptid < 0) {
            t.ptid = param(e, code, PTID, t.ptid);
            t.pid = param(e, code, PID, t.pid);
        }
        execImage(t, e, code);
        // The executable path: what the kernel resolved, else the enter's filename against cwd.
        byte[] trusted = str(e, code, TRUSTED_EXEPATH, null);
        t.exepath = trusted != null && trusted.length > 0 ? trusted : exePath(c, e, t, code);
        if (t.fds != null) {
            t.fds.closeOnExec();
        }
        endOtherThreads(t);
        return t;
    }

    /** The entry of a thread first seen by its successful execve. */
    private ThreadInfo execThread(EventRecord e, int code) {
        ThreadInfo t = new ThreadInfo();
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
        return t;
    }

    private void execImage(ThreadInfo t, EventRecord e, int code) {
        t.exe = str(e, code, EXE, t.exe);
        t.args = buf(e, code, ARGS, EmptyText.BYTES);
        t.comm = str(e, code, COMM, t.exe);
        byte[] cwd = str(e, code, CWD, null);
        if (cwd != null && cwd.length > 0) {
            tables.mainOf(t).cwd = CwdCalls.withSlash(cwd);
            t.cwd = tables.mainOf(t).cwd;
        }
        t.fdlimit = param(e, code, FDLIMIT, t.fdlimit);
        byte[] cg = buf(e, code, CGROUPS, null);
        if (cg != null && !Arrays.equals(cg, t.cgroups)) {
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
    }

    /** Without a path the kernel resolved: the enter's filename (or argv[0]) against the cwd. */
    private byte[] exePath(EventContext c, EventRecord e, ThreadInfo t, int code) {
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
        return fn == null || fn.length == 0 ? EmptyText.BYTES
                : fn[0] == '/' ? paths.resolve(null, fn, fn.length) : paths.resolve(CwdCalls.stripSlash(tables.mainOf(t).cwd), fn, fn.length);
    }

    /** execve ends the other threads of the process. */
    private void endOtherThreads(ThreadInfo t) {
        ThreadInfo main = tables.mainOf(t);
        if (main.groupThreads > 1) {
            final long pid = t.pid;
            final long tid = t.tid;
            List<Long> others = new ArrayList<>();
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
    }

    void onProcexit(EventRecord e, ThreadInfo t, int code) {
        t.dead = true;
        pendingThreadRemoval = t.tid;
        if (t.children > 0) {
            long reaper = param(e, code, REAPER, 0);
            ThreadInfo main = tables.mainOf(t);
            if (reaper <= 0) {
                // the group lives on: its children stay in it, with the main thread or another live one
                reaper = main != t && !main.dead ? main.tid : liveThreadOf(t);
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

    /** Another live thread of t's process, else 1 (nothing known: the host's init). */
    private long liveThreadOf(ThreadInfo t) {
        long[] found = {1};
        threads.forEach(o -> {
            if (o.pid == t.pid && o.tid != t.tid && !o.dead && found[0] == 1) {
                found[0] = o.tid;
            }
        });
        return found[0];
    }

    /** Removes the thread that exited with the previous event. */
    void flushPendingRemoval() {
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
    int dropVanished(long[] tids, long beforeTs) {
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
}
