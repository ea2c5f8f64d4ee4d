package io.peregrine.protocol.scap;

import io.peregrine.protocol.event.FlagTable;
import io.peregrine.protocol.event.ParamInfo;
import io.peregrine.protocol.event.ParamType;
import io.peregrine.protocol.event.PrintFormat;

import java.util.HashMap;
import java.util.Map;

/**
 * Parameters whose name, type or print format in the event table of sysdig 0.29 differs from the
 * current scap table: sysdig-compatible output renders them the old way. sysdig 0.29.3 in Debian is
 * built on falcosecurity/libs e5c53d64 (2022-03).
 */
public final class SysdigLegacyParams {
    private SysdigLegacyParams() {
    }

    private static final Map<Integer, ParamInfo> OVERRIDES = new HashMap<>();
    private static final Map<Integer, Integer> OLD_NPARAMS = new HashMap<>();
    private static final Map<String, FlagTable> LEGACY_FLAGS = new HashMap<>();

    /** Highest event type code sysdig 0.29 knows. */
    public static final int MAX_CODE = 335;

    static {
        put(24, 1, "backlog", ParamType.UINT32, PrintFormat.DEC, null);
        put(62, 1, "flags", ParamType.FLAGS32, PrintFormat.HEX, null);
        put(126, 2, "flags", ParamType.FLAGS8, PrintFormat.HEX, null);
        put(136, 1, "flags", ParamType.FLAGS8, PrintFormat.HEX, null);
        put(138, 0, "flags", ParamType.FLAGS8, PrintFormat.HEX, null);
        put(161, 0, "res", ParamType.UINT64, PrintFormat.HEX, null);
        put(163, 0, "res", ParamType.UINT64, PrintFormat.HEX, null);
        put(293, 16, "tty", ParamType.INT32, PrintFormat.DEC, null);
        put(293, 17, "pgid", ParamType.PID, PrintFormat.DEC, null);
        put(293, 18, "loginuid", ParamType.INT32, PrintFormat.DEC, null);
        put(295, 0, "res", ParamType.PID, PrintFormat.DEC, null);
        put(322, 0, "plugin ID", ParamType.UINT32, PrintFormat.DEC, null);
        put(331, 16, "tty", ParamType.INT32, PrintFormat.DEC, null);
        put(331, 17, "pgid", ParamType.PID, PrintFormat.DEC, null);
        put(331, 18, "loginuid", ParamType.INT32, PrintFormat.DEC, null);
    }

    static {
        OLD_NPARAMS.put(1, 1);
        OLD_NPARAMS.put(3, 5);
        OLD_NPARAMS.put(5, 1);
        OLD_NPARAMS.put(7, 2);
        OLD_NPARAMS.put(9, 2);
        OLD_NPARAMS.put(19, 1);
        OLD_NPARAMS.put(21, 2);
        OLD_NPARAMS.put(23, 2);
        OLD_NPARAMS.put(25, 1);
        OLD_NPARAMS.put(31, 2);
        OLD_NPARAMS.put(33, 2);
        OLD_NPARAMS.put(35, 3);
        OLD_NPARAMS.put(37, 1);
        OLD_NPARAMS.put(43, 5);
        OLD_NPARAMS.put(49, 2);
        OLD_NPARAMS.put(51, 0);
        OLD_NPARAMS.put(53, 4);
        OLD_NPARAMS.put(55, 0);
        OLD_NPARAMS.put(59, 4);
        OLD_NPARAMS.put(63, 1);
        OLD_NPARAMS.put(65, 1);
        OLD_NPARAMS.put(71, 1);
        OLD_NPARAMS.put(79, 1);
        OLD_NPARAMS.put(81, 2);
        OLD_NPARAMS.put(87, 1);
        OLD_NPARAMS.put(89, 1);
        OLD_NPARAMS.put(97, 1);
        OLD_NPARAMS.put(113, 2);
        OLD_NPARAMS.put(115, 2);
        OLD_NPARAMS.put(117, 3);
        OLD_NPARAMS.put(119, 2);
        OLD_NPARAMS.put(121, 3);
        OLD_NPARAMS.put(123, 2);
        OLD_NPARAMS.put(127, 1);
        OLD_NPARAMS.put(129, 1);
        OLD_NPARAMS.put(131, 1);
        OLD_NPARAMS.put(133, 1);
        OLD_NPARAMS.put(135, 1);
        OLD_NPARAMS.put(137, 1);
        OLD_NPARAMS.put(139, 1);
        OLD_NPARAMS.put(141, 3);
        OLD_NPARAMS.put(143, 3);
        OLD_NPARAMS.put(145, 5);
        OLD_NPARAMS.put(151, 1);
        OLD_NPARAMS.put(159, 4);
        OLD_NPARAMS.put(161, 4);
        OLD_NPARAMS.put(163, 4);
        OLD_NPARAMS.put(165, 4);
        OLD_NPARAMS.put(167, 1);
        OLD_NPARAMS.put(169, 3);
        OLD_NPARAMS.put(171, 1);
        OLD_NPARAMS.put(186, 4);
        OLD_NPARAMS.put(189, 2);
        OLD_NPARAMS.put(191, 14);
        OLD_NPARAMS.put(193, 1);
        OLD_NPARAMS.put(195, 1);
        OLD_NPARAMS.put(199, 1);
        OLD_NPARAMS.put(201, 1);
        OLD_NPARAMS.put(223, 20);
        OLD_NPARAMS.put(225, 20);
        OLD_NPARAMS.put(227, 20);
        OLD_NPARAMS.put(237, 1);
        OLD_NPARAMS.put(239, 1);
        OLD_NPARAMS.put(241, 1);
        OLD_NPARAMS.put(243, 1);
        OLD_NPARAMS.put(251, 8);
        OLD_NPARAMS.put(253, 1);
        OLD_NPARAMS.put(255, 2);
        OLD_NPARAMS.put(257, 4);
        OLD_NPARAMS.put(263, 1);
        OLD_NPARAMS.put(265, 2);
        OLD_NPARAMS.put(277, 2);
        OLD_NPARAMS.put(285, 1);
        OLD_NPARAMS.put(293, 20);
        OLD_NPARAMS.put(295, 1);
        OLD_NPARAMS.put(298, 1);
        OLD_NPARAMS.put(299, 1);
        OLD_NPARAMS.put(307, 6);
        OLD_NPARAMS.put(327, 6);
        OLD_NPARAMS.put(329, 1);
        OLD_NPARAMS.put(331, 20);
        OLD_NPARAMS.put(333, 3);
        OLD_NPARAMS.put(335, 20);
    }

    static {
        LEGACY_FLAGS.put("file_flags", new FlagTable("file_flags", new String[] {"O_LARGEFILE", "O_DIRECTORY", "O_DIRECT", "O_TRUNC", "O_SYNC", "O_NONBLOCK", "O_EXCL", "O_DSYNC", "O_APPEND", "O_CREAT", "O_RDWR", "O_WRONLY", "O_RDONLY", "O_CLOEXEC", "O_NONE", "O_TMPFILE"},
                new long[] {2048L, 1024L, 512L, 256L, 128L, 64L, 32L, 16L, 8L, 4L, 3L, 2L, 1L, 4096L, 0L, 8192L}));
        LEGACY_FLAGS.put("clone_flags", new FlagTable("clone_flags", new String[] {"CLONE_FILES", "CLONE_FS", "CLONE_IO", "CLONE_NEWIPC", "CLONE_NEWNET", "CLONE_NEWNS", "CLONE_NEWPID", "CLONE_NEWUTS", "CLONE_PARENT", "CLONE_PARENT_SETTID", "CLONE_PTRACE", "CLONE_SIGHAND", "CLONE_SYSVSEM", "CLONE_THREAD", "CLONE_UNTRACED", "CLONE_VM", "CLONE_INVERTED", "NAME_CHANGED", "CLOSED", "CLONE_NEWUSER", "CLONE_CHILD_CLEARTID", "CLONE_CHILD_SETTID", "CLONE_SETTLS", "CLONE_STOPPED", "CLONE_VFORK", "CLONE_NEWCGROUP"},
                new long[] {1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 1024L, 2048L, 4096L, 8192L, 16384L, 32768L, 65536L, 131072L, 262144L, 1048576L, 8388608L, 16777216L, 33554432L, 67108864L, 134217728L, 268435456L}));
        LEGACY_FLAGS.put("shutdown_how", new FlagTable("shutdown_how", new String[] {"SHUT_RDWR", "SHUT_WR", "SHUT_RD"},
                new long[] {2L, 1L, 0L}));
        LEGACY_FLAGS.put("execve_flags", new FlagTable("execve_flags", new String[] {"EXE_WRITABLE"},
                new long[] {1L}));
    }

    /** The flag table as sysdig 0.29 has it (some gained names since), or the given one. */
    static FlagTable flags(FlagTable current) {
        if (current == null) {
            return null;
        }
        FlagTable legacy = LEGACY_FLAGS.get(current.name());
        return legacy != null ? legacy : current;
    }

    /** How many parameters sysdig 0.29 knows for a type (it prints no more), given the current count. */
    public static int nparams(int code, int current) {
        Integer n = OLD_NPARAMS.get(code);
        return n == null ? current : Math.min(n, current);
    }

    private static void put(int code, int index, String name, ParamType type, PrintFormat fmt, FlagTable flags) {
        OVERRIDES.put(code << 8 | index, ParamInfo.of(name, type, fmt, flags));
    }

    /** The sysdig 0.29 description of a parameter, or null when it is the current one. */
    static ParamInfo get(int code, int index) {
        return OVERRIDES.get(code << 8 | index);
    }
}
