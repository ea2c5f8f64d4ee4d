package io.peregrine.protocol.event;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.scap.FlagTables;
import io.peregrine.protocol.scap.ScapEventTableData;

import static io.peregrine.protocol.event.EventType.EC_INTERNAL;
import static io.peregrine.protocol.event.EventType.EF_MODIFIES_STATE;
import static io.peregrine.protocol.event.EventType.EF_SYNTHETIC;

/**
 * The event table: per type code, its {@link EventType}. Codes below {@link #SCAP_LIMIT} are the scap
 * table's (current layouts; older captures carry fewer parameters for some types, see
 * docs/event-format.md). Codes from {@link #SYNTHETIC_BASE} are Peregrine's seed events.
 */
public final class EventTable {
    /** One past the highest code the scap table defines in this build. */
    public static final int SCAP_LIMIT;
    /** First code of Peregrine's own event types; the scap table will not reach it (u16 codes, ~450 used). */
    public static final int SYNTHETIC_BASE = 0xF000;
    /** Upper bound (exclusive) of all type codes: they are u16. */
    public static final int CODE_LIMIT = 0x10000;

    private static final EventType[] SCAP = new EventType[512];
    private static final EventType[] SYNTHETIC = new EventType[16];

    static {
        ScapEventTableData.fill(SCAP);
        int max = 0;
        for (int i = 0; i < SCAP.length; i++) {
            if (SCAP[i] != null) {
                max = i;
            }
        }
        SCAP_LIMIT = max + 1;
        defineSeeds();
    }

    private EventTable() {
    }

    /** The type for a code, or null when the code is unknown. */
    public static EventType get(int code) {
        if (code >= 0 && code < SCAP.length) {
            return SCAP[code];
        }
        int s = code - SYNTHETIC_BASE;
        if (s >= 0 && s < SYNTHETIC.length) {
            return SYNTHETIC[s];
        }
        return null;
    }

    public static boolean isSynthetic(int code) {
        return code >= SYNTHETIC_BASE;
    }

    /** Parameter-length width in bytes for a code (2, or 4 for large-payload types; 2 when unknown). */
    public static int paramLenSize(int code) {
        EventType t = get(code);
        return t == null ? 2 : t.paramLenSize();
    }

    /** First type with this name and direction in the current (non-old) layout, or null. */
    public static EventType byName(String name, EventDirection dir) {
        EventType found = null;
        for (int i = 0; i < SCAP_LIMIT; i++) {
            EventType t = SCAP[i];
            if (t != null && t.name().equals(name) && t.direction() == dir) {
                if (!t.hasFlag(EventType.EF_OLD_VERSION)) {
                    return t;
                }
                if (found == null) {
                    found = t;
                }
            }
        }
        for (EventType t : SYNTHETIC) {
            if (t != null && t.name().equals(name) && t.direction() == dir) {
                return t;
            }
        }
        return found;
    }

    // Seed events: the initial state (a /proc scan, or the lists of a .scap file) as records. Parameter
    // order is part of the format (docs/event-format.md); append only.
    private static void defineSeeds() {
        int cat = EC_INTERNAL;
        int fl = EF_SYNTHETIC | EF_MODIFIES_STATE;
        seed(new EventType(EventCodes.PEREGRINE_SEED_THREAD_E, "PEREGRINE_SEED_THREAD_E", "seed_thread", cat, fl,
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("ptid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("sid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("vpgid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("pgid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("comm", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("exe", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("exepath", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("args", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("env", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("cwd", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("fdlimit", ParamType.INT64, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.CLONE_FLAGS),
                ParamInfo.of("uid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.GID, PrintFormat.DEC),
                ParamInfo.of("euid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("egid", ParamType.GID, PrintFormat.DEC),
                ParamInfo.of("loginuid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("tty", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vtid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("vpid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("vm_size", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_rss", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("vm_swap", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("pgft_maj", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("pgft_min", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("cgroups", ParamType.BYTEBUF, PrintFormat.NA),
                ParamInfo.of("root", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("clone_ts", ParamType.ABSTIME, PrintFormat.DEC),
                ParamInfo.of("pidns_init_start_ts", ParamType.ABSTIME, PrintFormat.DEC),
                ParamInfo.of("cap_inheritable", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("cap_permitted", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("cap_effective", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("exe_flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.EXECVE_FLAGS),
                ParamInfo.of("exe_ino", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("exe_ino_ctime", ParamType.ABSTIME, PrintFormat.DEC),
                ParamInfo.of("exe_ino_mtime", ParamType.ABSTIME, PrintFormat.DEC)));
        seed(new EventType(EventCodes.PEREGRINE_SEED_FD_E, "PEREGRINE_SEED_FD_E", "seed_fd", cat, fl,
                ParamInfo.of("tid", ParamType.PID, PrintFormat.DEC),
                ParamInfo.of("fd", ParamType.FD, PrintFormat.DEC),
                ParamInfo.of("fdtype", ParamType.UINT8, PrintFormat.DEC),
                ParamInfo.of("ino", ParamType.UINT64, PrintFormat.DEC),
                ParamInfo.of("flags", ParamType.FLAGS32, PrintFormat.HEX, FlagTables.FILE_FLAGS),
                ParamInfo.of("name", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("mount_id", ParamType.UINT32, PrintFormat.DEC),
                ParamInfo.of("dev", ParamType.UINT32, PrintFormat.HEX),
                ParamInfo.of("l4proto", ParamType.UINT8, PrintFormat.DEC),
                ParamInfo.of("sip", ParamType.IPADDR, PrintFormat.NA),
                ParamInfo.of("sport", ParamType.PORT, PrintFormat.DEC),
                ParamInfo.of("dip", ParamType.IPADDR, PrintFormat.NA),
                ParamInfo.of("dport", ParamType.PORT, PrintFormat.DEC),
                ParamInfo.of("source", ParamType.UINT64, PrintFormat.HEX),
                ParamInfo.of("dest", ParamType.UINT64, PrintFormat.HEX)));
        seed(new EventType(EventCodes.PEREGRINE_SEED_USER_E, "PEREGRINE_SEED_USER_E", "seed_user", cat, fl,
                ParamInfo.of("uid", ParamType.UID, PrintFormat.DEC),
                ParamInfo.of("gid", ParamType.GID, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("home", ParamType.FSPATH, PrintFormat.NA),
                ParamInfo.of("shell", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("container_id", ParamType.CHARBUF, PrintFormat.NA)));
        seed(new EventType(EventCodes.PEREGRINE_SEED_GROUP_E, "PEREGRINE_SEED_GROUP_E", "seed_group", cat, fl,
                ParamInfo.of("gid", ParamType.GID, PrintFormat.DEC),
                ParamInfo.of("name", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("container_id", ParamType.CHARBUF, PrintFormat.NA)));
        seed(new EventType(EventCodes.PEREGRINE_SEED_IFADDR_E, "PEREGRINE_SEED_IFADDR_E", "seed_ifaddr", cat, fl,
                ParamInfo.of("ifname", ParamType.CHARBUF, PrintFormat.NA),
                ParamInfo.of("addr", ParamType.IPADDR, PrintFormat.NA),
                ParamInfo.of("netmask", ParamType.IPADDR, PrintFormat.NA),
                ParamInfo.of("bcast", ParamType.IPADDR, PrintFormat.NA),
                ParamInfo.of("linkspeed", ParamType.UINT64, PrintFormat.DEC)));
    }

    private static void seed(EventType t) {
        SYNTHETIC[t.code() - SYNTHETIC_BASE] = t;
    }
}
