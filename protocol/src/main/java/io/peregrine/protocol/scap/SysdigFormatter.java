package io.peregrine.protocol.scap;

import io.peregrine.protocol.event.DynamicParam;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.FlagTable;
import io.peregrine.protocol.event.ParamInfo;
import io.peregrine.protocol.event.ParamType;
import io.peregrine.protocol.event.PrintFormat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Renders event arguments the way sysdig prints {@code %evt.args}: {@code name=value } per parameter,
 * with {@code value(resolved)} where the value has a name (errno, flags, signals). Names that come
 * from state (an fd's path, a pid's command, a uid's user) need a {@link Resolver}; without one
 * those values print bare.
 *
 * <p>Byte buffers print non-printable bytes as '.', cut to {@value #MAX_BUFFER_OUTPUT} characters
 * with "..." like sysdig's default output length. Strings keep their raw bytes (decoded as
 * ISO-8859-1 so each byte stays one char).
 */
public final class SysdigFormatter {
    /** sysdig's default cap on a printed byte buffer. */
    public static final int MAX_BUFFER_OUTPUT = 80;

    /** State lookups for the resolved part of fd, pid, uid/gid and path values. */
    public interface Resolver {
        /** Appends e.g. {@code <f>/etc/passwd} for an fd of the event's thread; false when unknown. */
        boolean fd(EventRecord event, long fd, StringBuilder out);

        /** Appends the command name of a thread; false when unknown. */
        boolean pid(EventRecord event, long pid, StringBuilder out);
    }

    private final Resolver resolver;
    private final StringBuilder resolved = new StringBuilder(64);

    public SysdigFormatter() {
        this(null);
    }

    public SysdigFormatter(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The whole argument list as {@code %evt.args} prints it (each argument followed by a space). */
    public String args(EventRecord r) {
        StringBuilder sb = new StringBuilder(128);
        args(r, sb);
        return sb.toString();
    }

    public void args(EventRecord r, StringBuilder sb) {
        int type = r.type();
        if (type == EventCodes.PPME_GENERIC_E || type == EventCodes.PPME_GENERIC_X) {
            return; // sysdig does not print the arguments of generic events
        }
        EventType et = r.eventType();
        if (et == null) {
            return;
        }
        int n = Math.min(r.nparams(), et.nparams());
        for (int i = 0; i < n; i++) {
            sb.append(info(r.type(), et, i).name()).append('=');
            param(r, i, sb);
            sb.append(' ');
        }
    }

    /** The parameter as sysdig 0.29 describes it (its table differs from the current one in a few places). */
    public static ParamInfo info(int type, EventType et, int i) {
        ParamInfo legacy = SysdigLegacyParams.get(type, i);
        return legacy != null ? legacy : et.param(i);
    }

    /**
     * The event type name as sysdig prints it: the table name, or for generic syscall events the name
     * of the system call their ID parameter carries.
     */
    public static String typeName(EventRecord r) {
        int type = r.type();
        if ((type == EventCodes.PPME_GENERIC_E || type == EventCodes.PPME_GENERIC_X) && r.nparams() > 0
                && r.paramLen(0) == 2) {
            return SyscallNames.name(r.u16(0));
        }
        EventType et = r.eventType();
        return et == null ? "<unknown>" : et.name();
    }

    /** One argument as {@code value} or {@code value(resolved)}. */
    public void param(EventRecord r, int i, StringBuilder out) {
        resolved.setLength(0);
        ParamInfo pi = info(r.type(), r.eventType(), i);
        long at = r.paramOffset(i);
        int len = r.paramLen(i);
        ParamType type = pi.type();
        PrintFormat fmt = pi.format();
        if (type == ParamType.DYN) {
            DynamicParam.Choice c = len > 0 && pi.dynamic() != null
                    ? pi.dynamic().choice(Byte.toUnsignedInt(r.segment().get(ValueLayout.JAVA_BYTE, at))) : null;
            if (c == null) {
                out.append("INVALID DYNAMIC PARAMETER");
                return;
            }
            type = c.type();
            at += 1;
            len -= 1;
        }
        value(r, r.segment(), at, len, type, fmt, SysdigLegacyParams.flags(pi.flags()), out);
        if (!resolved.isEmpty()) {
            out.append('(').append(resolved).append(')');
        }
    }

    private void value(EventRecord r, MemorySegment s, long at, int len, ParamType type, PrintFormat fmt,
                       FlagTable flags, StringBuilder out) {
        switch (type) {
            case INT8 -> number(len >= 1 ? s.get(ValueLayout.JAVA_BYTE, at) : 0, 8, true, fmt, out);
            case INT16 -> number(len >= 2 ? s.get(EventRecord.I16, at) : 0, 16, true, fmt, out);
            case INT32 -> number(len >= 4 ? s.get(EventRecord.I32, at) : 0, 32, true, fmt, out);
            case INT64 -> number(len >= 8 ? s.get(EventRecord.I64, at) : 0, 64, true, fmt, out);
            case UINT8 -> number(len >= 1 ? Byte.toUnsignedLong(s.get(ValueLayout.JAVA_BYTE, at)) : 0, 8, false, fmt, out);
            case UINT16 -> number(len >= 2 ? Short.toUnsignedLong(s.get(EventRecord.I16, at)) : 0, 16, false, fmt, out);
            // sysdig prints u32 and u64 with signed conversions
            case UINT32 -> number(len >= 4 ? s.get(EventRecord.I32, at) : 0, 32, true, fmt, out);
            case UINT64 -> number(len >= 8 ? s.get(EventRecord.I64, at) : 0, 64, true, fmt, out);
            case FD -> {
                long fd = len >= 8 ? s.get(EventRecord.I64, at) : 0;
                out.append(fd);
                if (resolver != null) {
                    resolver.fd(r, fd, resolved);
                }
            }
            case PID -> {
                long pid = len >= 8 ? s.get(EventRecord.I64, at) : 0;
                out.append(pid);
                if (resolver != null) {
                    resolver.pid(r, pid, resolved);
                }
            }
            case ERRNO -> {
                long v = len >= 8 ? s.get(EventRecord.I64, at) : 0;
                out.append(v);
                if (v < 0) {
                    String name = ErrnoNames.name(-(int) v);
                    if (name != null) {
                        resolved.append(name);
                    }
                }
            }
            case CHARBUF -> latin1(s, at, len, out, false);
            case FSPATH, FSRELPATH -> latin1(s, at, len, out, true);
            case BYTEBUF -> bytes(s, at, len, out);
            case SOCKADDR -> sockaddr(s, at, len, out);
            case SOCKTUPLE -> socktuple(s, at, len, out);
            case SIGTYPE -> {
                int v = len >= 1 ? Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at)) : 0;
                out.append(v);
                String name = SignalNames.name(v);
                if (name != null) {
                    resolved.append(name);
                }
            }
            case RELTIME -> {
                long v = len >= 8 ? s.get(EventRecord.I64, at) : 0;
                if (v == -1) {
                    out.append("none");
                } else {
                    out.append(Long.toUnsignedString(v));
                    resolved.append(cDoubleG(Long.toUnsignedString(v), 9)).append('s');
                }
            }
            case FLAGS8, FLAGS16, FLAGS32, ENUMFLAGS8, ENUMFLAGS16, ENUMFLAGS32 -> {
                long v = switch (len) {
                    case 1 -> Byte.toUnsignedLong(s.get(ValueLayout.JAVA_BYTE, at));
                    case 2 -> Short.toUnsignedLong(s.get(EventRecord.I16, at));
                    case 4 -> Integer.toUnsignedLong(s.get(EventRecord.I32, at));
                    default -> 0;
                };
                out.append(v);
                flagNames(flags, v, resolved);
            }
            case MODE -> {
                long v = len >= 4 ? Integer.toUnsignedLong(s.get(EventRecord.I32, at)) : 0;
                number((int) v, 32, true, fmt, out);
                flagNames(flags, v, resolved);
            }
            case UID, GID -> {
                long v = len >= 4 ? Integer.toUnsignedLong(s.get(EventRecord.I32, at)) : 0;
                if (v == 0xFFFFFFFFL) {
                    out.append("-1");
                    resolved.append("<NONE>");
                } else {
                    out.append((int) v);
                }
            }
            case SIGSET -> {
                long v = len >= 4 ? Integer.toUnsignedLong(s.get(EventRecord.I32, at)) : 0;
                boolean first = true;
                for (int sig = 0; sig < 32; sig++) {
                    if ((v & (1L << sig)) != 0) {
                        String name = SignalNames.name(sig + 1);
                        if (name != null) {
                            if (!first) {
                                out.append(' ');
                            }
                            out.append(name);
                            first = false;
                        }
                    }
                }
            }
            case FDLIST -> fdlist(s, at, len, out);
            case SYSCALLID -> out.append(len >= 2 ? Short.toUnsignedInt(s.get(EventRecord.I16, at)) : 0);
            case L4PROTO, SOCKFAMILY -> out.append(len >= 1 ? Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at)) : 0);
            case PORT -> out.append(len >= 2 ? Short.toUnsignedInt(s.get(EventRecord.I16, at)) : 0);
            case BOOL -> out.append(len >= 4 && s.get(EventRecord.I32, at) != 0 ? "true" : "false");
            case DOUBLE -> out.append(len >= 8 ? cDoubleG(Double.toString(s.get(EventRecord.F64, at)), 6) : "0");
            case IPV4ADDR, IPADDR, IPV6ADDR -> ip(s, at, len, out);
            case ABSTIME, DYN -> out.append("INVALID DYNAMIC PARAMETER");
            default -> out.append("(n.a.)");
        }
    }

    private static void number(long v, int bits, boolean signed, PrintFormat fmt, StringBuilder out) {
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        switch (fmt) {
            case OCT -> {
                // C's "%#o": a leading 0 unless the value is 0
                long u = signed && bits < 64 && v < 0 ? v & 0xFFFFFFFFL : v;
                if (bits < 32) {
                    u = v & 0xFFFFFFFFL;
                }
                if (u == 0) {
                    out.append('0');
                } else {
                    out.append('0').append(Long.toOctalString(bits == 64 ? u : u & 0xFFFFFFFFL));
                }
            }
            case HEX -> {
                // "%X" of the value promoted to at least 32 bits
                long u = bits == 64 ? v : v & 0xFFFFFFFFL;
                if (bits < 32 && !signed) {
                    u = v & mask;
                }
                out.append(Long.toHexString(u).toUpperCase());
            }
            case PADDED_DEC -> {
                String d = Long.toString(signed ? v : v & mask);
                for (int k = d.length(); k < 9; k++) {
                    out.append('0');
                }
                out.append(d);
            }
            default -> out.append(signed ? v : v & mask);
        }
    }

    /** sysdig's flag naming: names whose bits are all set, joined by '|', then an exact match if any. */
    private static void flagNames(FlagTable t, long value, StringBuilder out) {
        if (t == null) {
            return;
        }
        long val = value;
        String sep = "";
        int i = 0;
        for (; i < t.size() && t.valueAt(i) != value; i++) {
            long f = t.valueAt(i);
            if ((f == 0 && value == 0) || (f != 0 && (val & f) == f && val != 0)) {
                out.append(sep).append(t.nameAt(i));
                sep = "|";
                val &= ~f;
            }
        }
        if (i < t.size()) {
            out.append(sep).append(t.nameAt(i));
        }
    }

    private static void latin1(MemorySegment s, long at, int len, StringBuilder out, boolean sanitize) {
        for (int k = 0; k < len; k++) {
            int c = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at + k));
            if (c == 0) {
                break;
            }
            if (sanitize && c < 0x20) {
                continue; // paths drop control characters like sysdig's sanitizer
            }
            out.append((char) c);
        }
    }

    private static void bytes(MemorySegment s, long at, int len, StringBuilder out) {
        int start = out.length();
        for (int k = 0; k < len; k++) {
            int c = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at + k));
            out.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        int printed = out.length() - start;
        if (printed > MAX_BUFFER_OUTPUT) {
            out.setLength(start + MAX_BUFFER_OUTPUT);
            out.setCharAt(start + MAX_BUFFER_OUTPUT - 3, '.');
            out.setCharAt(start + MAX_BUFFER_OUTPUT - 2, '.');
            out.setCharAt(start + MAX_BUFFER_OUTPUT - 1, '.');
        }
    }

    private static final int AF_UNIX = 1;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    private static void sockaddr(MemorySegment s, long at, int len, StringBuilder out) {
        if (len == 0) {
            out.append("NULL");
            return;
        }
        int fam = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at));
        if (fam == AF_UNIX) {
            latin1(s, at + 1, len - 1, out, true);
        } else if (fam == AF_INET) {
            if (len == 7) {
                ipv4(s, at + 1, out);
                out.append(':').append(Short.toUnsignedInt(s.get(EventRecord.I16, at + 5)));
            } else {
                out.append("INVALID IPv4");
            }
        } else if (fam == AF_INET6) {
            if (len == 19) {
                ipv6(s, at + 1, out);
                out.append(':').append(Short.toUnsignedInt(s.get(EventRecord.I16, at + 17)));
            } else {
                out.append("INVALID IPv6");
            }
        } else {
            out.append("family ").append((int) s.get(ValueLayout.JAVA_BYTE, at));
        }
    }

    private static void socktuple(MemorySegment s, long at, int len, StringBuilder out) {
        if (len == 0) {
            out.append("NULL");
            return;
        }
        int fam = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at));
        if (fam == AF_INET) {
            if (len == 13) {
                ipv4(s, at + 1, out);
                out.append(':').append(Short.toUnsignedInt(s.get(EventRecord.I16, at + 5))).append("->");
                ipv4(s, at + 7, out);
                out.append(':').append(Short.toUnsignedInt(s.get(EventRecord.I16, at + 11)));
            } else {
                out.append("INVALID IPv4");
            }
        } else if (fam == AF_INET6) {
            if (len == 37) {
                if (v4mapped(s, at + 1) && v4mapped(s, at + 19)) {
                    ipv4(s, at + 13, out);
                    out.append(':').append(Short.toUnsignedInt(s.get(EventRecord.I16, at + 17))).append("->");
                    ipv4(s, at + 31, out);
                    out.append(':').append(Short.toUnsignedInt(s.get(EventRecord.I16, at + 35)));
                } else {
                    ipv6(s, at + 1, out);
                    out.append(':').append(Short.toUnsignedInt(s.get(EventRecord.I16, at + 17))).append("->");
                    ipv6(s, at + 19, out);
                    out.append(':').append(Short.toUnsignedInt(s.get(EventRecord.I16, at + 35)));
                }
            } else {
                out.append("INVALID IPv6");
            }
        } else if (fam == AF_UNIX) {
            if (len >= 17) {
                out.append(Long.toHexString(s.get(EventRecord.I64, at + 1))).append("->")
                        .append(Long.toHexString(s.get(EventRecord.I64, at + 9))).append(' ');
                latin1(s, at + 17, len - 17, out, true);
            }
        } else {
            out.append("family ").append((int) s.get(ValueLayout.JAVA_BYTE, at));
        }
    }

    private static boolean v4mapped(MemorySegment s, long at) {
        for (int k = 0; k < 10; k++) {
            if (s.get(ValueLayout.JAVA_BYTE, at + k) != 0) {
                return false;
            }
        }
        return s.get(ValueLayout.JAVA_BYTE, at + 10) == (byte) 0xff && s.get(ValueLayout.JAVA_BYTE, at + 11) == (byte) 0xff;
    }

    private static void ipv4(MemorySegment s, long at, StringBuilder out) {
        for (int k = 0; k < 4; k++) {
            if (k > 0) {
                out.append('.');
            }
            out.append(Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at + k)));
        }
    }

    private static void ipv6(MemorySegment s, long at, StringBuilder out) {
        Inet6Text.append(out, s, at);
    }

    private static void ip(MemorySegment s, long at, int len, StringBuilder out) {
        if (len == 4) {
            ipv4(s, at, out);
        } else if (len == 16) {
            ipv6(s, at, out);
        }
    }

    private static void fdlist(MemorySegment s, long at, int len, StringBuilder out) {
        if (len < 2) {
            return;
        }
        int n = Short.toUnsignedInt(s.get(EventRecord.I16, at));
        long p = at + 2;
        for (int j = 0; j < n && p + 10 <= at + len; j++) {
            long fd = s.get(EventRecord.I64, p);
            int fl = s.get(EventRecord.I16, p + 8);
            out.append(Long.toUnsignedString(fd)).append(":?").append(Integer.toHexString(fl));
            if (j < n - 1) {
                out.append(' ');
            }
            p += 10;
        }
    }

    /** C's "%lg" (6 significant digits) of a decimal number given as text, scaled by 10^-scale. */
    static String cDoubleG(String decimal, int scale) {
        BigDecimal v = new BigDecimal(decimal).movePointLeft(scale);
        if (v.signum() == 0) {
            return "0";
        }
        BigDecimal r = v.round(new MathContext(6));
        int exp = r.precision() - r.scale() - 1;
        if (exp < -4 || exp >= 6) {
            BigDecimal mant = r.movePointLeft(exp).stripTrailingZeros();
            String m = mant.toPlainString();
            String e = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
            return m + "e" + e;
        }
        return r.stripTrailingZeros().toPlainString();
    }
}
