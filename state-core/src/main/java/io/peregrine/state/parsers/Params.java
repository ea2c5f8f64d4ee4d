package io.peregrine.state.parsers;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Parameter positions by name for every type code, computed once, and reading their values: layouts
 * differ between the versions of one call (older captures), so parsers look parameters up by their
 * scap name.
 */
final class Params {
    private Params() {
    }

    static final int FD = 0, RES = 1, NAME = 2, DIRFD = 3, FLAGS = 4, TUPLE = 5, ADDR = 6, EXE = 7, ARGS = 8,
            TID = 9, PID = 10, PTID = 11, CWD = 12, FDLIMIT = 13, COMM = 14, CGROUPS = 15, ENV = 16, TTY = 17,
            VPGID = 18, PGID = 19, LOGINUID = 20, UID = 21, GID = 22, EUID = 23, EGID = 24, VTID = 25, VPID = 26,
            PIDNS_INIT = 27, CAP_INH = 28, CAP_PERM = 29, CAP_EFF = 30, EXE_INO = 31, EXE_CTIME = 32,
            EXE_MTIME = 33, TRUSTED_EXEPATH = 34, FILENAME = 35, PATH = 36, OLDFD = 37, NEWFD = 38, FD1 = 39,
            FD2 = 40, INO = 41, DEV = 42, DOMAIN = 43, TYPE = 44, PROTO = 45, CMD = 46, RUID = 47, RGID = 48,
            REAPER = 49, OPTION = 50, ARG2_STR = 51, FIRST = 52, LAST = 53, ARG = 54, SOURCE = 55, PEER = 56,
            SID = 57, FDTYPE = 58, L4PROTO = 59, SIP = 60, SPORT = 61, DIP = 62, DPORT = 63, HOME = 64,
            SHELL = 65, CONTAINER_ID = 66, CLONE_TS = 67, ROOT = 68, EXE_FLAGS = 69, DEST = 70, OLDPATH = 71,
            NEWPATH = 72, JSON = 73, COUNT = 74;

    private static final String[] NAMES = {"fd", "res", "name", "dirfd", "flags", "tuple", "addr", "exe", "args",
            "tid", "pid", "ptid", "cwd", "fdlimit", "comm", "cgroups", "env", "tty", "vpgid", "pgid", "loginuid",
            "uid", "gid", "euid", "egid", "vtid", "vpid", "pidns_init_start_ts", "cap_inheritable",
            "cap_permitted", "cap_effective", "exe_ino", "exe_ino_ctime", "exe_ino_mtime", "trusted_exepath",
            "filename", "path", "oldfd", "newfd", "fd1", "fd2", "ino", "dev", "domain", "type", "proto", "cmd",
            "ruid", "rgid", "reaper_tid", "option", "arg2_str", "first", "last", "arg", "source", "peer", "sid",
            "fdtype", "l4proto", "sip", "sport", "dip", "dport", "home", "shell", "container_id", "clone_ts",
            "root", "exe_flags", "dest", "oldpath", "newpath", "json"};

    /** INDEX[type code][key] = parameter position, or -1. */
    private static final byte[][] INDEX = new byte[EventTable.CODE_LIMIT][];
    private static final byte[] NONE = new byte[COUNT];

    static {
        java.util.Arrays.fill(NONE, (byte) -1);
        for (int code = 0; code < EventTable.CODE_LIMIT; code++) {
            EventType t = EventTable.get(code);
            if (t == null) {
                INDEX[code] = NONE;
                continue;
            }
            byte[] idx = new byte[COUNT];
            for (int k = 0; k < COUNT; k++) {
                idx[k] = (byte) t.paramIndex(NAMES[k]);
            }
            INDEX[code] = idx;
        }
    }

    /** Position of parameter {@code key} in events of type {@code code}, or -1. */
    static int of(int code, int key) {
        return INDEX[code][key];
    }

    // ---- values ----

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

    static byte[] str(EventRecord e, int code, int key, byte[] dflt) {
        int i = Params.of(code, key);
        return has(e, i) ? stringBytes(e, i) : dflt;
    }

    static byte[] buf(EventRecord e, int code, int key, byte[] dflt) {
        int i = Params.of(code, key);
        if (i < 0 || i >= e.nparams()) {
            return dflt;
        }
        return e.bytes(i);
    }
}
