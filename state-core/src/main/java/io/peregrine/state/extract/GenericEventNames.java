package io.peregrine.state.extract;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.scap.NativeSyscalls;
import io.peregrine.protocol.scap.SyscallNames;
import io.peregrine.state.parsers.EventContext;

import java.nio.charset.StandardCharsets;

/**
 * The type of a generic syscall event (a system call without an event of its own), as libsinsp
 * names it: by the syscall ID it carries; when that ID is unknown, by the x86_64 syscall number
 * (the enter event's nativeID, which libsinsp's file reader also gives the exit); else "unknown".
 * Names and type codes are computed once, so naming an event does not allocate.
 */
public final class GenericEventNames {
    private GenericEventNames() {
    }

    private static final int SC_LIMIT = 1024;
    private static final byte[][] SC_NAMES = new byte[SC_LIMIT][];
    private static final int[] SC_CODES = new int[SC_LIMIT];
    private static final byte[][] NATIVE_NAMES = new byte[NativeSyscalls.size()][];
    private static final int[] NATIVE_CODES = new int[NativeSyscalls.size()];
    private static final byte[] UNKNOWN = "unknown".getBytes(StandardCharsets.US_ASCII);
    private static final int UNKNOWN_CODE = EventTypes.code("unknown");

    static {
        for (int i = 1; i < SC_LIMIT; i++) {
            String n = SyscallNames.name(i);
            if (!n.equals("<unknown>")) {
                SC_NAMES[i] = n.getBytes(StandardCharsets.US_ASCII);
                SC_CODES[i] = Math.max(0, EventTypes.code(n));
            }
        }
        for (int i = 0; i < NATIVE_NAMES.length; i++) {
            String n = NativeSyscalls.name(i);
            if (n != null) {
                NATIVE_NAMES[i] = n.getBytes(StandardCharsets.US_ASCII);
                NATIVE_CODES[i] = Math.max(0, EventTypes.code(n));
            }
        }
    }

    public static boolean isGeneric(int code) {
        return code == EventCodes.PPME_GENERIC_E || code == EventCodes.PPME_GENERIC_X;
    }

    /** evt.type of the generic event in {@code c}. */
    public static byte[] name(EventContext c) {
        int sc = syscallId(c.evt);
        if (sc > 0) {
            return SC_NAMES[sc];
        }
        int nid = nativeId(c);
        return nid >= 0 ? NATIVE_NAMES[nid] : UNKNOWN;
    }

    /** The {@link EventTypes} code of the generic event in {@code c}. */
    public static int code(EventContext c) {
        int sc = syscallId(c.evt);
        if (sc > 0) {
            return SC_CODES[sc];
        }
        int nid = nativeId(c);
        return nid >= 0 ? NATIVE_CODES[nid] : UNKNOWN_CODE;
    }

    /** The ID parameter when it names a system call, else 0. */
    private static int syscallId(EventRecord e) {
        if (e.nparams() < 1 || e.paramLen(0) != 2) {
            return 0;
        }
        int id = e.u16(0);
        return id < SC_LIMIT && SC_NAMES[id] != null ? id : 0;
    }

    /** The named x86_64 syscall number of the event, or of its enter event for an exit; else -1. */
    private static int nativeId(EventContext c) {
        int n = nativeParam(c.evt);
        if (n < 0 && c.enter != null && c.enter.type() == EventCodes.PPME_GENERIC_E) {
            n = nativeParam(c.enter);
        }
        return n;
    }

    private static int nativeParam(EventRecord e) {
        if (e.nparams() < 2 || e.paramLen(1) != 2) {
            return -1;
        }
        int n = e.u16(1);
        return n < NATIVE_NAMES.length && NATIVE_NAMES[n] != null ? n : -1;
    }
}
