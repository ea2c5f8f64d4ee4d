package io.peregrine.state.fds;

import io.peregrine.protocol.scap.Inet6Text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Socket names as Falco shows them: {@code client:port->server:port} for IP sockets (IPv6 in
 * inet_ntop's short form), {@code source->dest path} with hex kernel pointers for unix sockets.
 */
public final class TupleFormatter {

    public static boolean isV4Mapped(long hi, long lo) {
        return hi == 0 && (lo >>> 32) == 0xFFFFL;
    }

    // reused: a name is built for every connect, accept and tuple-carrying call
    private final StringBuilder b = new StringBuilder(112);

    public byte[] ipName(FdInfo f) {
        b.setLength(0);
        if (f.clientPort == 0 && f.clientLo == 0 && f.clientHi == 0 && f.server && !f.connected) {
            appendIp(b, f.ipVersion, f.serverHi, f.serverLo);
            b.append(':').append(f.serverPort);
        } else {
            appendIp(b, f.ipVersion, f.clientHi, f.clientLo);
            b.append(':').append(f.clientPort).append("->");
            appendIp(b, f.ipVersion, f.serverHi, f.serverLo);
            b.append(':').append(f.serverPort);
        }
        return ascii();
    }

    /** One address and port, {@code ip:port}, as a bind names its socket. */
    public byte[] addrName(int version, long hi, long lo, int port) {
        b.setLength(0);
        appendIp(b, version, hi, lo);
        b.append(':').append(port);
        return ascii();
    }

    private byte[] ascii() {
        byte[] out = new byte[b.length()]; // the fd keeps it as its name
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) b.charAt(i);
        }
        return out;
    }

    public byte[] unixName(long source, long dest, byte[] path, int pathLen) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(48 + pathLen);
        byte[] head = (Long.toHexString(source) + "->" + Long.toHexString(dest)).getBytes(StandardCharsets.US_ASCII);
        o.write(head, 0, head.length);
        if (pathLen > 0) {
            o.write(' ');
            o.write(path, 0, pathLen);
        }
        return o.toByteArray();
    }

    /** Appends an address: IPv4 from the low 32 bits of {@code lo}, IPv6 from both halves (RFC 5952 text). */
    public static void appendIp(StringBuilder b, int version, long hi, long lo) {
        if (version != 6) {
            b.append((lo >>> 24) & 0xff).append('.').append((lo >>> 16) & 0xff).append('.')
                    .append((lo >>> 8) & 0xff).append('.').append(lo & 0xff);
            return;
        }
        Inet6Text.append(b, hi, lo);
    }
}
