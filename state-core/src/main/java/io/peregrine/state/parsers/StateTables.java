package io.peregrine.state.parsers;

import io.peregrine.state.containers.CapturedContainers;
import io.peregrine.state.containers.CgroupContainers;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.state.fds.FdTable;
import io.peregrine.state.fds.LocalAddresses;
import io.peregrine.state.fds.PathResolver;
import io.peregrine.state.fds.TupleFormatter;
import io.peregrine.state.threads.ThreadInfo;
import io.peregrine.state.threads.ThreadTable;
import io.peregrine.state.users.UserTable;

/**
 * The tables the parsers write, the helpers they share to reach them, and the counts of what they
 * could not keep. One per {@link EventParser}.
 */
final class StateTables {

    final ThreadTable threads;
    final UserTable users;
    final int fdLimit;
    final CgroupContainers containers = new CgroupContainers();
    final CapturedContainers captured = new CapturedContainers();
    final PathResolver paths = new PathResolver();
    final TupleFormatter tuples = new TupleFormatter();
    final LocalAddresses local = new LocalAddresses();
    /** Fds that could not be tracked because the fd number exceeded the per-process limit. */
    long fdsDropped;
    long threadsCreatedLazily;

    StateTables(ThreadTable threads, UserTable users, int fdLimit) {
        this.threads = threads;
        this.users = users;
        this.fdLimit = fdLimit;
    }

    ThreadInfo lazyThread(long tid) {
        // libsinsp creates a placeholder entry for a thread it has not seen: named "<NA>", other
        // fields unknown until an execve or a clone fills them, but its fds are tracked from now on.
        ThreadInfo t = new ThreadInfo();
        t.comm = ThreadInfo.UNKNOWN_NAME;
        t.exe = ThreadInfo.UNKNOWN_NAME;
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

    ThreadInfo mainOf(ThreadInfo t) {
        if (t.isMain()) {
            return t;
        }
        ThreadInfo m = threads.get(t.pid);
        return m == null ? t : m;
    }

    void addFd(EventContext c, ThreadInfo t, long fd, FdInfo info) {
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
}
