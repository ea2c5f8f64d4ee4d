package io.peregrine.state.fds;

/**
 * The fds of one process, indexed by fd number. Threads of a process share one table; a fork copies
 * it. Bounded: an fd number at or above the limit is not tracked and counted instead, so that a
 * process with a huge fd cannot make the table grow without bound.
 */
public final class FdTable {
    private FdInfo[] fds;
    private int count;
    private final int limit;

    public FdTable(int limit) {
        this.limit = limit;
        this.fds = new FdInfo[8];
    }

    public FdInfo get(long fd) {
        return fd >= 0 && fd < fds.length ? fds[(int) fd] : null;
    }

    /** Puts {@code info} at {@code fd}; returns false (and does nothing) when over the limit. */
    public boolean put(long fd, FdInfo info) {
        if (fd < 0 || fd >= limit) {
            return false;
        }
        int i = (int) fd;
        if (i >= fds.length) {
            int n = fds.length;
            while (n <= i) {
                n *= 2;
            }
            FdInfo[] g = new FdInfo[Math.min(n, limit)];
            System.arraycopy(fds, 0, g, 0, fds.length);
            fds = g;
        }
        if (fds[i] == null) {
            count++;
        }
        fds[i] = info;
        return true;
    }

    public FdInfo remove(long fd) {
        if (fd < 0 || fd >= fds.length) {
            return null;
        }
        FdInfo old = fds[(int) fd];
        if (old != null) {
            fds[(int) fd] = null;
            count--;
        }
        return old;
    }

    public int count() {
        return count;
    }

    /** One past the highest fd slot that may hold an entry. */
    public int capacity() {
        return fds.length;
    }

    /** A copy for a forked child: same entries (copied, since the child can change its own flags). */
    public FdTable copy() {
        FdTable t = new FdTable(limit);
        t.fds = new FdInfo[fds.length];
        for (int i = 0; i < fds.length; i++) {
            if (fds[i] != null) {
                t.fds[i] = fds[i].copy();
            }
        }
        t.count = count;
        return t;
    }

    /** Closes the fds marked close-on-exec, as execve does; returns how many. */
    public int closeOnExec() {
        int closed = 0;
        for (int i = 0; i < fds.length; i++) {
            if (fds[i] != null && fds[i].cloexec) {
                fds[i] = null;
                count--;
                closed++;
            }
        }
        return closed;
    }
}
