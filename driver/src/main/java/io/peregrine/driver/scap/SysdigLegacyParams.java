package io.peregrine.driver.scap;

import io.peregrine.protocol.event.FlagTable;
import io.peregrine.protocol.event.ParamInfo;
import io.peregrine.protocol.event.ParamType;
import io.peregrine.protocol.event.PrintFormat;

import java.util.HashMap;
import java.util.Map;

/**
 * Parameters whose name, type or print format in the event table of sysdig 0.29 differs from the
 * current scap table: sysdig-compatible output renders them the old way.
 */
final class SysdigLegacyParams {
    private SysdigLegacyParams() {
    }

    private static final Map<Integer, ParamInfo> OVERRIDES = new HashMap<>();

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

    private static void put(int code, int index, String name, ParamType type, PrintFormat fmt, FlagTable flags) {
        OVERRIDES.put(code << 8 | index, ParamInfo.of(name, type, fmt, flags));
    }

    /** The sysdig 0.29 description of a parameter, or null when it is the current one. */
    static ParamInfo get(int code, int index) {
        return OVERRIDES.get(code << 8 | index);
    }
}
