package io.peregrine.driver.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sockets of the host by inode, from /proc/net/{tcp,tcp6,udp,udp6,unix}: what the seed fd events
 * need to describe a socket an existing process holds.
 */
final class SocketTable {
    static final int L4_TCP = 2;
    static final int L4_UDP = 3;
    private static final int TCP_LISTEN = 0x0A;

    /** One socket. IP addresses are in network byte order; ports are host numbers. */
    record Entry(boolean unix, boolean ipv6, int l4proto, boolean listening, byte[] sip, int sport, byte[] dip,
                 int dport, long kernelAddress, String path) {
    }

    private final Map<Long, Entry> byInode = new HashMap<>();

    static SocketTable read(Path procNet) {
        SocketTable t = new SocketTable();
        t.readInet(procNet.resolve("tcp"), false, L4_TCP);
        t.readInet(procNet.resolve("tcp6"), true, L4_TCP);
        t.readInet(procNet.resolve("udp"), false, L4_UDP);
        t.readInet(procNet.resolve("udp6"), true, L4_UDP);
        t.readUnix(procNet.resolve("unix"));
        return t;
    }

    Entry get(long inode) {
        return byInode.get(inode);
    }

    int size() {
        return byInode.size();
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of(); // a table the kernel does not offer (no IPv6, say) has no sockets
        }
    }

    void readInet(Path p, boolean v6, int l4) {
        List<String> ls = lines(p);
        for (int i = 1; i < ls.size(); i++) {
            String[] f = ls.get(i).trim().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            String[] local = f[1].split(":");
            String[] remote = f[2].split(":");
            int state = Integer.parseInt(f[3], 16);
            long inode = Long.parseLong(f[9]);
            if (inode == 0) {
                continue;
            }
            boolean listening = l4 == L4_TCP && state == TCP_LISTEN;
            byte[] sip = address(local[0]);
            byte[] dip = address(remote[0]);
            boolean ipv6 = v6;
            // a dual-stack socket talking IPv4 is described as IPv4, as its peers see it
            if (v6 && ipv4Mapped(sip) && (ipv4Mapped(dip) || isZero(dip))) {
                ipv6 = false;
                sip = java.util.Arrays.copyOfRange(sip, 12, 16);
                dip = java.util.Arrays.copyOfRange(dip, 12, 16);
            }
            byInode.put(inode, new Entry(false, ipv6, l4, listening, sip, Integer.parseInt(local[1], 16),
                    dip, Integer.parseInt(remote[1], 16), 0, null));
        }
    }

    static boolean ipv4Mapped(byte[] a) {
        if (a.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    static boolean isZero(byte[] a) {
        for (byte b : a) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** /proc/net prints each 32-bit word of the address as a host-order (little-endian) hex number. */
    static byte[] address(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int w = 0; w < b.length / 4; w++) {
            long word = Long.parseLong(hex.substring(w * 8, w * 8 + 8), 16);
            for (int k = 0; k < 4; k++) {
                b[w * 4 + k] = (byte) (word >>> (8 * k));
            }
        }
        return b;
    }

    void readUnix(Path p) {
        List<String> ls = lines(p);
        for (int i = 1; i < ls.size(); i++) {
            String[] f = ls.get(i).trim().split("\\s+", 8);
            if (f.length < 7) {
                continue;
            }
            String num = f[0].endsWith(":") ? f[0].substring(0, f[0].length() - 1) : f[0];
            long inode = Long.parseLong(f[6]);
            String path = f.length > 7 ? f[7] : "";
            byInode.put(inode, new Entry(true, false, 0, false, null, 0, null, 0,
                    Long.parseUnsignedLong(num, 16), path));
        }
    }
}
