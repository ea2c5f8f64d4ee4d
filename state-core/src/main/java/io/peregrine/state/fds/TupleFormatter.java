package io.peregrine.state.fds;

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

    public byte[] ipName(FdInfo f) {
        StringBuilder b = new StringBuilder(48);
        if (f.clientPort == 0 && f.clientLo == 0 && f.clientHi == 0 && f.server && !f.connected) {
            appendIp(b, f.ipVersion, f.serverHi, f.serverLo);
            b.append(':').append(f.serverPort);
        } else {
            appendIp(b, f.ipVersion, f.clientHi, f.clientLo);
            b.append(':').append(f.clientPort).append("->");
            appendIp(b, f.ipVersion, f.serverHi, f.serverLo);
            b.append(':').append(f.serverPort);
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
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

    /** Appends an address: IPv4 from the low 32 bits of {@code lo}, IPv6 from both halves. */
    public static void appendIp(StringBuilder b, int version, long hi, long lo) {
        if (version != 6) {
            b.append((lo >>> 24) & 0xff).append('.').append((lo >>> 16) & 0xff).append('.')
                    .append((lo >>> 8) & 0xff).append('.').append(lo & 0xff);
            return;
        }
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) ((hi >>> (48 - 16 * i)) & 0xffff);
            g[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xffff);
        }
        // Longest run of zero groups (length >= 2) becomes "::", as inet_ntop writes it.
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen && j - i >= 2) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (i > 0 && !(bestStart >= 0 && i == bestStart + bestLen)) {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
    }
}
