package io.peregrine.driver.proc;

import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.scap.EventCodes;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The machine's IP addresses as seed_ifaddr events, the interface list a capture carries (scap
 * writes it as its interface block): the state decides from it which end of a connection is local
 * and whether a socket is a server (fd.is_server, fd.lip, fd.lport), as libsinsp does from a
 * capture's list. They are read from the network namespace of the host's init process
 * ({@code proc/1/net}), not the reader's own: capture-svc shares the host's pids but may run in a
 * namespace of its own. IPv4 addresses are the {@code /32 host LOCAL} entries of {@code fib_trie},
 * named and masked by the longest matching route of {@code route} (loopback, which has no route
 * there, by {@code lo} and /8); IPv6 ones are {@code if_inet6}'s lines.
 */
final class NetInterfaces {
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private NetInterfaces() {
    }

    private record Route(String iface, int dest, int mask) {
    }

    /** Emits one seed_ifaddr per address; a namespace that cannot be read gives none. */
    static void emit(Path proc, long ts, EventRecordBuilder b, SeedRecords out) {
        Path net = proc.resolve("1").resolve("net");
        if (!Files.isReadable(net.resolve("if_inet6")) && !Files.isReadable(net.resolve("fib_trie"))) {
            net = proc.resolve("self").resolve("net");
        }
        List<Route> routes = routes(lines(net.resolve("route")));
        for (int addr : localIpv4(lines(net.resolve("fib_trie")))) {
            Route best = null;
            for (Route r : routes) {
                if ((addr & r.mask) == r.dest && r.mask != 0
                        && (best == null || Integer.bitCount(r.mask) > Integer.bitCount(best.mask))) {
                    best = r;
                }
            }
            boolean loopback = (addr >>> 24) == 127;
            String name = best != null ? best.iface : loopback ? "lo" : "";
            int mask = best != null ? best.mask : loopback ? 0xFF000000 : -1;
            int bcast = loopback ? 0 : addr | ~mask;
            b.begin(ts, 0, EventCodes.PEREGRINE_SEED_IFADDR_E, 5).addString(name).addBytes(be(addr))
                    .addBytes(be(mask)).addBytes(be(bcast)).addI64(0).finish();
            out.add(b);
        }
        for (String l : lines(net.resolve("if_inet6"))) {
            String[] f = l.trim().split("\\s+");
            if (f.length < 6 || f[0].length() != 32) {
                continue;
            }
            try {
                byte[] addr = new byte[16];
                for (int i = 0; i < 16; i++) {
                    addr[i] = (byte) Integer.parseInt(f[0].substring(2 * i, 2 * i + 2), 16);
                }
                int prefix = Integer.parseInt(f[2], 16);
                byte[] mask = new byte[16];
                for (int i = 0; i < prefix && i < 128; i++) {
                    mask[i / 8] |= (byte) (0x80 >>> (i % 8));
                }
                b.begin(ts, 0, EventCodes.PEREGRINE_SEED_IFADDR_E, 5).addString(f[5]).addBytes(addr)
                        .addBytes(mask).addBytes(new byte[16]).addI64(0).finish();
                out.add(b);
            } catch (NumberFormatException e) {
                // a malformed line names no address
            }
        }
    }

    /** The addresses of fib_trie's "/32 host LOCAL" leaves, in order, once each. */
    static Set<Integer> localIpv4(List<String> fibTrie) {
        Set<Integer> out = new LinkedHashSet<>();
        Integer leaf = null;
        for (String l : fibTrie) {
            String t = l.trim();
            if (t.startsWith("|-- ")) {
                leaf = ipv4(t.substring(4).trim());
            } else if (t.startsWith("+-- ")) {
                leaf = null;
            } else if (leaf != null && t.equals("/32 host LOCAL")) {
                out.add(leaf);
            }
        }
        return out;
    }

    private static List<Route> routes(List<String> lines) {
        List<Route> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length < 8) {
                continue;
            }
            try {
                out.add(new Route(f[0], hostOrder(f[1]), hostOrder(f[7])));
            } catch (NumberFormatException e) {
                // a malformed line is no route
            }
        }
        return out;
    }

    /** An address /proc/net/route prints as the kernel's u32 in host order, as a big-endian int. */
    private static int hostOrder(String hex) {
        int v = (int) Long.parseLong(hex, 16);
        return LITTLE_ENDIAN ? Integer.reverseBytes(v) : v;
    }

    private static Integer ipv4(String dotted) {
        String[] p = dotted.split("\\.");
        if (p.length != 4) {
            return null;
        }
        int v = 0;
        for (String s : p) {
            int octet;
            try {
                octet = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return null;
            }
            if (octet < 0 || octet > 255) {
                return null;
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    private static byte[] be(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
