package io.peregrine.protocol.event;

import java.util.List;

/**
 * One entry of the event table: a type code with its name, direction, category, flags and
 * parameters. Codes and layouts are the scap event table's; codes from {@link EventTable#SYNTHETIC_BASE}
 * up are Peregrine's own seed events.
 */
public final class EventType {
    // Event categories (EC_*): the low bits are an enumeration, the high bits are independent flags.
    public static final int EC_UNKNOWN = 0;
    public static final int EC_OTHER = 1;
    public static final int EC_FILE = 2;
    public static final int EC_NET = 3;
    public static final int EC_IPC = 4;
    public static final int EC_MEMORY = 5;
    public static final int EC_PROCESS = 6;
    public static final int EC_SLEEP = 7;
    public static final int EC_SYSTEM = 8;
    public static final int EC_SIGNAL = 9;
    public static final int EC_USER = 10;
    public static final int EC_TIME = 11;
    public static final int EC_PROCESSING = 12;
    public static final int EC_IO_READ = 32;
    public static final int EC_IO_WRITE = 33;
    public static final int EC_IO_OTHER = 34;
    public static final int EC_WAIT = 1 << 6;
    public static final int EC_SCHEDULER = 1 << 7;
    public static final int EC_INTERNAL = 1 << 8;
    public static final int EC_SYSCALL = 1 << 9;
    public static final int EC_TRACEPOINT = 1 << 10;
    public static final int EC_PLUGIN = 1 << 11;
    public static final int EC_METAEVENT = 1 << 12;
    public static final int EC_ITER = 1 << 13;

    // Event flags (EF_*), same bits as scap.
    public static final int EF_NONE = 0;
    public static final int EF_CREATES_FD = 1;
    public static final int EF_DESTROYS_FD = 1 << 1;
    public static final int EF_USES_FD = 1 << 2;
    public static final int EF_READS_FROM_FD = 1 << 3;
    public static final int EF_WRITES_TO_FD = 1 << 4;
    public static final int EF_MODIFIES_STATE = 1 << 5;
    public static final int EF_UNUSED = 1 << 6;
    public static final int EF_WAITS = 1 << 7;
    public static final int EF_SKIPPARSERESET = 1 << 8;
    public static final int EF_OLD_VERSION = 1 << 9;
    public static final int EF_DROP_SIMPLE_CONS = 1 << 10;
    /** Parameter lengths are u32 instead of u16 for this type. */
    public static final int EF_LARGE_PAYLOAD = 1 << 11;
    public static final int EF_CONVERTER_MANAGED = 1 << 12;
    public static final int EF_TMP_CONVERTER_MANAGED = 1 << 13;
    /** Peregrine's own: a seed event synthesised from an initial-state snapshot, never from a syscall. */
    public static final int EF_SYNTHETIC = 1 << 24;

    private final int code;
    private final String name;
    private final String constant;
    private final int category;
    private final int flags;
    private final ParamInfo[] params;

    public EventType(int code, String constant, String name, int category, int flags, ParamInfo... params) {
        this.code = code;
        this.constant = constant;
        this.name = name;
        this.category = category;
        this.flags = flags;
        this.params = params.clone();
    }

    public int code() {
        return code;
    }

    /** The event name as sysdig prints it, e.g. {@code openat}. */
    public String name() {
        return name;
    }

    /** The table constant, e.g. {@code PPME_SYSCALL_OPENAT_2_X}. */
    public String constant() {
        return constant;
    }

    public EventDirection direction() {
        return EventDirection.ofType(code);
    }

    public int category() {
        return category;
    }

    public int flags() {
        return flags;
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /** Parameter lengths are 4 bytes wide for large-payload types, 2 bytes otherwise. */
    public int paramLenSize() {
        return (flags & EF_LARGE_PAYLOAD) != 0 ? 4 : 2;
    }

    public int nparams() {
        return params.length;
    }

    public ParamInfo param(int i) {
        return params[i];
    }

    public List<ParamInfo> params() {
        return List.of(params);
    }

    /** Index of the parameter with this name, or -1. */
    public int paramIndex(String paramName) {
        for (int i = 0; i < params.length; i++) {
            if (params[i].name().equals(paramName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return constant + "(" + code + ")";
    }
}
