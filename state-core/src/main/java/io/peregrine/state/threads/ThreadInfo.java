package io.peregrine.state.threads;

import io.peregrine.state.containers.ContainerInfo;
import io.peregrine.state.fds.FdTable;
import io.peregrine.state.text.EmptyText;

/**
 * One thread, as libsinsp's threadinfo: identity, image, credentials, and references to what it
 * shares with its process (fd table; cwd lives on the main thread). Text is UTF-8 bytes; arrays
 * are never modified in place, so a clone shares them with its parent.
 */
public final class ThreadInfo {
    public long tid;
    public long pid;
    public long ptid;
    public long sid;
    public long vpgid;
    public long pgid;
    public long vtid;
    public long vpid;
    /**
     * The name and exe of a thread seen only by its events: "<NA>", as libsinsp's placeholder entry
     * (current Falco's proc_name_exists macro tests for this text).
     */
    public static final byte[] UNKNOWN_NAME = {'<', 'N', 'A', '>'};

    public byte[] comm = EmptyText.BYTES;
    /** argv[0]. */
    public byte[] exe = EmptyText.BYTES;
    public byte[] exepath = EmptyText.BYTES;
    /** Arguments after argv[0], NUL-separated (each followed by a NUL). */
    public byte[] args = EmptyText.BYTES;
    public byte[] env = EmptyText.BYTES;
    /** Working directory, ending with '/'. Kept on the main thread; other threads read it there. */
    public byte[] cwd = EmptyText.BYTES;
    public byte[] cgroups = EmptyText.BYTES;
    public long fdlimit;
    public int flags;
    public int uid = -1;
    public int gid = -1;
    public int euid = -1;
    public int egid = -1;
    public int loginuid = -1;
    public int tty;
    public long capInheritable;
    public long capPermitted;
    public long capEffective;
    public long cloneTs;
    public long pidnsInitStartTs;
    public int exeFlags;
    public long exeIno;
    public long exeInoCtime;
    public long exeInoMtime;
    public ContainerInfo container = ContainerInfo.HOST;
    public FdTable fds;

    /** Live threads of this thread group, counted on the main thread. */
    public int groupThreads = 1;
    /** Children that name this thread as their parent. */
    public int children;
    public boolean dead;
    public long lastEventTs;

    /** The fd named by the last enter event (libsinsp's lastevent_fd), used by its exit event. */
    public long lastEventFd = -1;
    /** Copy of the last enter event, for exit events that need its parameters. */
    public byte[] lastEnter;
    public java.lang.foreign.MemorySegment lastEnterSegment;
    public int lastEnterType = -1;

    public boolean isMain() {
        return tid == pid;
    }

    /** Copies the image, credentials and context of {@code p} (a clone's parent) into this thread. */
    public void inheritFrom(ThreadInfo p) {
        sid = p.sid;
        vpgid = p.vpgid;
        pgid = p.pgid;
        comm = p.comm;
        exe = p.exe;
        exepath = p.exepath;
        args = p.args;
        env = p.env;
        cwd = p.cwd;
        cgroups = p.cgroups;
        fdlimit = p.fdlimit;
        uid = p.uid;
        gid = p.gid;
        euid = p.euid;
        egid = p.egid;
        loginuid = p.loginuid;
        tty = p.tty;
        capInheritable = p.capInheritable;
        capPermitted = p.capPermitted;
        capEffective = p.capEffective;
        pidnsInitStartTs = p.pidnsInitStartTs;
        exeFlags = p.exeFlags;
        exeIno = p.exeIno;
        exeInoCtime = p.exeInoCtime;
        exeInoMtime = p.exeInoMtime;
        container = p.container;
    }

    /** Whether a seed, clone or execve has described this thread (not only its events). */
    public boolean known() {
        return comm.length > 0 && comm != UNKNOWN_NAME;
    }
}
