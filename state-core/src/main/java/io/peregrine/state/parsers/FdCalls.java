package io.peregrine.state.parsers;

import io.peregrine.state.text.EmptyText;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.ParamType;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.state.fds.FdTable;
import io.peregrine.protocol.scap.FdTypes;
import io.peregrine.state.fds.PathResolver;
import io.peregrine.state.threads.ThreadInfo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.peregrine.state.parsers.Params.*;

/**
 * The calls that open, copy and close fds other than sockets: open and its variants, pipe, memfd_create,
 * the simple fd kinds (eventfd, epoll...), dup, fcntl, close, close_range. A closed fd is removed
 * after the close event itself has been seen.
 */
final class FdCalls {

    private static final int O_DIRECTORY = 1024, O_CLOEXEC = 4096, O_CREAT = 4, O_WRONLY = 2, O_TRUNC = 256;
    private static final long AT_FDCWD = -100;
    private static final int FCNTL_DUPFD = 1, FCNTL_SETFD = 3, FCNTL_DUPFD_CLOEXEC = 26;
    private static final int CLOSE_RANGE_CLOEXEC = 4;
    private static final byte[] MEMFD_PREFIX = "memfd:".getBytes(StandardCharsets.US_ASCII);

    private final StateTables tables;
    private final PathResolver paths;
    // Deferred removal: libsinsp removes a closed fd after its last event.
    private FdTable pendingCloseTable;
    private long pendingCloseFd = -1;

    FdCalls(StateTables tables) {
        this.tables = tables;
        this.paths = tables.paths;
    }

    /** Removes the fd closed by the previous event. */
    void flushPendingClose() {
        if (pendingCloseFd >= 0) {
            pendingCloseTable.remove(pendingCloseFd);
            pendingCloseFd = -1;
            pendingCloseTable = null;
        }
    }

    static long resultFd(EventRecord e, int code) {
        int i = Params.of(code, FD);
        if (i < 0 || !has(e, i) || EventTable.get(code).param(i).type() != ParamType.FD) {
            i = Params.of(code, RES);
        }
        return has(e, i) ? e.number(i) : -1;
    }

    void onOpen(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long fd = resultFd(e, code);
        c.fdNum = fd < 0 ? -1 : fd;
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
        if (fd < 0) {
            // No fd: fd.name still gives the path the call tried (libsinsp reads it from the event).
            c.fdNameFromEvent = resolvePath(t, dirfd, raw);
            return;
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
        f.nameRaw = Arrays.equals(raw, f.name) ? null : raw;
        f.dev = (int) param(e, code, DEV, 0);
        f.ino = param(e, code, INO, 0);
        tables.addFd(c, t, fd, f);
    }

    /** The path of a call: absolute as is, else against dirfd's directory or the cwd; normalised. */
    byte[] resolvePath(ThreadInfo t, long dirfd, byte[] raw) {
        if (raw.length == 0) {
            return raw;
        }
        if (raw[0] == '/') {
            return paths.resolve(null, raw, raw.length);
        }
        byte[] dir;
        if (dirfd == AT_FDCWD || dirfd == Integer.toUnsignedLong(-100)) {
            dir = CwdCalls.stripSlash(tables.mainOf(t).cwd);
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

    void onClose(EventContext c, EventRecord e, ThreadInfo t) {
        long res = param(e, e.type(), RES, -1);
        if (res == 0 && c.fdNum >= 0 && t.fds != null) {
            pendingCloseTable = t.fds;
            pendingCloseFd = c.fdNum;
        }
    }

    void onCloseRange(EventRecord e, ThreadInfo t, int code) {
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

    void onPipe(EventContext c, EventRecord e, ThreadInfo t, int code) {
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
                tables.addFd(c, t, fd, f);
            }
        }
        // The event's fd is the last one added (fd2), as libsinsp's last-event fd after a pipe.
    }

    void onSimpleFd(EventContext c, EventRecord e, ThreadInfo t, int code) {
        long fd = resultFd(e, code);
        c.fdNum = fd;
        if (fd < 0) {
            return;
        }
        FdInfo f = new FdInfo();
        f.type = StateEffect.simpleFdType(code);
        tables.addFd(c, t, fd, f);
    }

    void onMemfd(EventContext c, EventRecord e, ThreadInfo t, int code) {
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
        tables.addFd(c, t, fd, f);
    }

    void onDup(EventContext c, EventRecord e, ThreadInfo t, int code) {
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
        tables.addFd(c, t, res, f);
    }

    void onFcntl(EventContext c, EventRecord e, ThreadInfo t, int code) {
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
            tables.addFd(c, t, res, f);
        } else if (cmd == FCNTL_SETFD && has(e, Params.of(code, ARG))) {
            src.cloexec = (param(e, code, ARG, 0) & 1) != 0;
        }
    }
}
