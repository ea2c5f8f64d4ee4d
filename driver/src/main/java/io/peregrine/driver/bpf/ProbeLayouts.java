package io.peregrine.driver.bpf;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * Java layouts of the structs the probe shares with user space (src/main/bpf/peregrine.h). The
 * layout test compares each one, field by field, with the BTF of the compiled probe.
 */
public final class ProbeLayouts {
    /** struct pg_settings: run-time settings, one entry of the "settings" array map. */
    public static final StructLayout SETTINGS = MemoryLayout.structLayout(
            JAVA_LONG.withName("boot_time_ns"),
            JAVA_INT.withName("exclude_tgid"),
            JAVA_INT.withName("flags"),
            JAVA_INT.withName("snaplen"),
            JAVA_INT.withName("reserved")).withName("pg_settings");

    /** struct pg_counters: per-CPU loss accounting, one entry of the "counters" per-CPU map. */
    public static final StructLayout COUNTERS = MemoryLayout.structLayout(
            JAVA_LONG.withName("events"),
            JAVA_LONG.withName("drops"),
            JAVA_LONG.withName("too_large")).withName("pg_counters");

    /**
     * struct generic_rec: the generic "syscall" record the probe writes in one piece; the scap
     * record header (26 bytes) followed by two u16 lengths and two u16 parameters. Packed.
     */
    public static final StructLayout GENERIC_RECORD = MemoryLayout.structLayout(
            JAVA_LONG_UNALIGNED.withName("ts"),
            JAVA_LONG_UNALIGNED.withName("tid"),
            JAVA_INT_UNALIGNED.withName("len"),
            JAVA_SHORT_UNALIGNED.withName("type"),
            JAVA_INT_UNALIGNED.withName("nparams"),
            MemoryLayout.sequenceLayout(2, JAVA_SHORT_UNALIGNED).withName("lens"),
            JAVA_SHORT_UNALIGNED.withName("id"),
            JAVA_SHORT_UNALIGNED.withName("native_id")).withName("generic_rec");

    static final VarHandle SETTINGS_BOOT_TIME = field(SETTINGS, "boot_time_ns");
    static final VarHandle SETTINGS_EXCLUDE_TGID = field(SETTINGS, "exclude_tgid");
    static final VarHandle SETTINGS_FLAGS = field(SETTINGS, "flags");
    static final VarHandle SETTINGS_SNAPLEN = field(SETTINGS, "snaplen");
    static final VarHandle COUNTERS_EVENTS = field(COUNTERS, "events");
    static final VarHandle COUNTERS_DROPS = field(COUNTERS, "drops");
    static final VarHandle COUNTERS_TOO_LARGE = field(COUNTERS, "too_large");

    private ProbeLayouts() {
    }

    private static VarHandle field(StructLayout s, String name) {
        return s.varHandle(MemoryLayout.PathElement.groupElement(name));
    }
}
