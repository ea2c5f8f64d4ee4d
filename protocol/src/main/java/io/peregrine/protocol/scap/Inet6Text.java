package io.peregrine.protocol.scap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * IPv6 addresses as text the way libsinsp prints them (it uses inet_ntop): RFC 5952 form, lowercase
 * hex without leading zeros, the first longest run of two or more zero groups as "::", and an
 * IPv4-mapped ({@code ::ffff:127.0.0.1}) or IPv4-compatible address with its last 32 bits dotted.
 * Appends to a caller's builder without allocating: it runs for every projected address.
 */
public final class Inet6Text {
    private static final ValueLayout.OfLong BE_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Inet6Text() {
    }

    /** Appends the 16 bytes at {@code at} (network order). */
    public static void append(StringBuilder out, MemorySegment s, long at) {
        append(out, s.get(BE_LONG, at), s.get(BE_LONG, at + 8));
    }

    /** Appends the address whose first 8 bytes (network order) are {@code hi}, last 8 {@code lo}. */
    public static void append(StringBuilder out, long hi, long lo) {
        int bestStart = -1;
        int bestLen = 0;
        int runStart = -1;
        for (int i = 0; i < 8; i++) {
            if (group(hi, lo, i) == 0) {
                if (runStart < 0) {
                    runStart = i;
                }
                if (i - runStart + 1 > bestLen) {
                    bestStart = runStart;
                    bestLen = i - runStart + 1;
                }
            } else {
                runStart = -1;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        for (int i = 0; i < 8; i++) {
            if (bestStart >= 0 && i >= bestStart && i < bestStart + bestLen) {
                if (i == bestStart) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            if (i == 6 && bestStart == 0 && (bestLen == 6 || (bestLen == 5 && group(hi, lo, 5) == 0xffff))) {
                out.append((lo >>> 24) & 0xff).append('.').append((lo >>> 16) & 0xff).append('.')
                        .append((lo >>> 8) & 0xff).append('.').append(lo & 0xff);
                return;
            }
            hex(out, group(hi, lo, i));
        }
        if (bestStart >= 0 && bestStart + bestLen == 8) {
            out.append(':');
        }
    }

    private static int group(long hi, long lo, int i) {
        long half = i < 4 ? hi : lo;
        return (int) (half >>> (48 - 16 * (i & 3))) & 0xffff;
    }

    private static void hex(StringBuilder out, int v) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int d = (v >>> shift) & 0xf;
            if (d != 0 || started || shift == 0) {
                out.append(HEX[d]);
                started = true;
            }
        }
    }
}
