package io.peregrine.state.parsers;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.protocol.scap.FdTypes;
import io.peregrine.state.fds.TupleFormatter;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/** Socket tuples and sockaddrs as the driver records them, decoded into an fd's endpoints and name. */
final class SocketAddresses {

    private static final int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10;

    private final TupleFormatter tuples;

    SocketAddresses(TupleFormatter tuples) {
        this.tuples = tuples;
    }

    /** Sets endpoints from a socket tuple parameter; {@code inbound}: the source is the remote client. */
    boolean setTuple(FdInfo f, EventRecord e, int i, boolean inbound) {
        int len = e.paramLen(i);
        long at = e.paramOffset(i);
        MemorySegment s = e.segment();
        int family = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at));
        if (family == AF_INET && len >= 13) {
            long src = Integer.toUnsignedLong(beInt(s, at + 1));
            int sport = Short.toUnsignedInt(s.get(EventRecord.I16, at + 5));
            long dst = Integer.toUnsignedLong(beInt(s, at + 7));
            int dport = Short.toUnsignedInt(s.get(EventRecord.I16, at + 11));
            if (f.type != FdTypes.IPV4_SERVSOCK) {
                f.type = FdTypes.IPV4_SOCK;
            }
            f.ipVersion = 4;
            setEndpoints(f, 0, src, sport, 0, dst, dport, inbound);
            if (f.l4proto == FdTypes.L4_UNKNOWN) {
                f.l4proto = FdTypes.L4_TCP;
            }
            f.name = tuples.ipName(f);
            return true;
        }
        if (family == AF_INET6 && len >= 37) {
            long sh = beLong(s, at + 1), sl = beLong(s, at + 9);
            int sport = Short.toUnsignedInt(s.get(EventRecord.I16, at + 17));
            long dh = beLong(s, at + 19), dl = beLong(s, at + 27);
            int dport = Short.toUnsignedInt(s.get(EventRecord.I16, at + 35));
            if (TupleFormatter.isV4Mapped(sh, sl) && TupleFormatter.isV4Mapped(dh, dl)) {
                f.type = FdTypes.IPV4_SOCK;
                f.ipVersion = 4;
                setEndpoints(f, 0, sl & 0xFFFFFFFFL, sport, 0, dl & 0xFFFFFFFFL, dport, inbound);
            } else {
                f.type = FdTypes.IPV6_SOCK;
                f.ipVersion = 6;
                setEndpoints(f, sh, sl, sport, dh, dl, dport, inbound);
            }
            if (f.l4proto == FdTypes.L4_UNKNOWN) {
                f.l4proto = FdTypes.L4_TCP;
            }
            f.name = tuples.ipName(f);
            return true;
        }
        if (family == AF_UNIX && len >= 17) {
            long src = s.get(EventRecord.I64, at + 1);
            long dst = s.get(EventRecord.I64, at + 9);
            f.type = FdTypes.UNIX_SOCK;
            f.clientLo = src;
            f.serverLo = dst;
            int plen = len - 17;
            byte[] path = new byte[plen];
            MemorySegment.copy(s, ValueLayout.JAVA_BYTE, at + 17, path, 0, plen);
            f.name = tuples.unixName(src, dst, path, trimNul(path));
            return true;
        }
        return false;
    }

    private void setEndpoints(FdInfo f, long sh, long sl, int sport, long dh, long dl, int dport, boolean inbound) {
        if (inbound) {
            f.clientHi = sh;
            f.clientLo = sl;
            f.clientPort = sport;
            f.serverHi = dh;
            f.serverLo = dl;
            f.serverPort = dport;
            f.server = true;
        } else {
            f.clientHi = sh;
            f.clientLo = sl;
            f.clientPort = sport;
            f.serverHi = dh;
            f.serverLo = dl;
            f.serverPort = dport;
            f.server = false;
        }
    }

    /**
     * The local address of a bind, when it names a port: an IPv4-mapped IPv6 address makes an IPv4
     * socket, as libsinsp has it. False for port 0 (any port), where nothing is set.
     */
    boolean setBound(FdInfo f, EventRecord e, int i) {
        int len = e.paramLen(i);
        long at = e.paramOffset(i);
        MemorySegment s = e.segment();
        int family = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at));
        boolean v4 = family == AF_INET && len >= 7;
        boolean v6 = family == AF_INET6 && len >= 19;
        if (!v4 && !v6) {
            setAddr(f, e, i, true);
            return true;
        }
        long hi = v4 ? 0 : beLong(s, at + 1);
        long lo = v4 ? Integer.toUnsignedLong(beInt(s, at + 1)) : beLong(s, at + 9);
        int port = Short.toUnsignedInt(s.get(EventRecord.I16, at + (v4 ? 5 : 17)));
        // the socket is named by the address as given, any port included
        f.name = tuples.addrName(v4 ? 4 : 6, hi, lo, port);
        if (port == 0) {
            return false;
        }
        boolean mapped = v6 && TupleFormatter.isV4Mapped(hi, lo);
        f.serverHi = v4 || mapped ? 0 : hi;
        f.serverLo = mapped ? lo & 0xFFFFFFFFL : lo;
        f.serverPort = port;
        f.ipVersion = (byte) (v4 || mapped ? 4 : 6);
        return true;
    }

    /** Sets one endpoint from a sockaddr: the remote server (connect) or the local one (bind). */
    void setAddr(FdInfo f, EventRecord e, int i, boolean local) {
        int len = e.paramLen(i);
        long at = e.paramOffset(i);
        MemorySegment s = e.segment();
        int family = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at));
        if (family == AF_INET && len >= 7) {
            f.serverHi = 0;
            f.serverLo = Integer.toUnsignedLong(beInt(s, at + 1));
            f.serverPort = Short.toUnsignedInt(s.get(EventRecord.I16, at + 5));
            f.ipVersion = 4;
            f.name = local ? f.name : tuples.ipName(f);
        } else if (family == AF_INET6 && len >= 19) {
            f.serverHi = beLong(s, at + 1);
            f.serverLo = beLong(s, at + 9);
            f.serverPort = Short.toUnsignedInt(s.get(EventRecord.I16, at + 17));
            f.ipVersion = 6;
            if (TupleFormatter.isV4Mapped(f.serverHi, f.serverLo)) {
                // an IPv4-mapped peer makes an IPv4 socket, as libsinsp has it
                f.serverHi = 0;
                f.serverLo &= 0xFFFFFFFFL;
                f.ipVersion = 4;
                if (f.type == FdTypes.IPV6_SOCK) {
                    f.type = FdTypes.IPV4_SOCK;
                }
            }
            f.name = local ? f.name : tuples.ipName(f);
        } else if (family == AF_UNIX && len > 1) {
            byte[] path = new byte[len - 1];
            MemorySegment.copy(s, ValueLayout.JAVA_BYTE, at + 1, path, 0, len - 1);
            int n = trimNul(path);
            f.name = Arrays.copyOf(path, n);
        }
    }

    private static int trimNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return b.length;
    }

    static int beInt(MemorySegment s, long at) {
        return Integer.reverseBytes(s.get(EventRecord.I32, at));
    }

    static long beLong(MemorySegment s, long at) {
        return Long.reverseBytes(s.get(EventRecord.I64, at));
    }
}
