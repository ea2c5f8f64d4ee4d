package io.peregrine.driver.proc;

import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.scap.EventCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    /** Bound of each family's addresses: a host has a few, a hostile or odd /proc must not cost more. */
    static final int MAX_ADDRESSES = 4096;
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
        List<Integer> addrs = new ArrayList<>(localIpv4(net.resolve("fib_trie")));
        Route[] best = bestRoutes(net.resolve("route"), addrs);
        for (int i = 0; i < addrs.size(); i++) {
            int addr = addrs.get(i);
            boolean loopback = (addr >>> 24) == 127;
            String name = best[i] != null ? best[i].iface : loopback ? "lo" : "";
            int mask = best[i] != null ? best[i].mask : loopback ? 0xFF000000 : -1;
            int bcast = loopback ? 0 : addr | ~mask;
            b.begin(ts, 0, EventCodes.PEREGRINE_SEED_IFADDR_E, 5).addString(name).addBytes(be(addr))
                    .addBytes(be(mask)).addBytes(be(bcast)).addI64(0).finish();
            out.add(b);
        }
        int v6 = 0;
        for (String l : lines(net.resolve("if_inet6"))) {
            String[] f = l.trim().split("\\s+");
            if (f.length < 6 || f[0].length() != 32) {
                continue;
            }
            if (++v6 > MAX_ADDRESSES) {
                break;
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

    /**
     * The addresses of fib_trie's "/32 host LOCAL" leaves, in order, once each, at most {@link
     * #MAX_ADDRESSES}. Read line by line: a router's trie holds every route it knows.
     */
    static Set<Integer> localIpv4(Path fibTrie) {
        Set<Integer> out = new LinkedHashSet<>();
        try (BufferedReader r = Files.newBufferedReader(fibTrie, StandardCharsets.ISO_8859_1)) {
            Integer leaf = null;
            for (String l; (l = r.readLine()) != null && out.size() < MAX_ADDRESSES; ) {
                String t = l.trim();
                if (t.startsWith("|-- ")) {
                    leaf = ipv4(t.substring(4).trim());
                } else if (t.startsWith("+-- ")) {
                    leaf = null;
                } else if (leaf != null && t.equals("/32 host LOCAL")) {
                    out.add(leaf);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable namespace names no address
        }
        return out;
    }

    /** For each address, the longest route of {@code route} (not the default) whose network holds it. */
    private static Route[] bestRoutes(Path route, List<Integer> addrs) {
        Route[] best = new Route[addrs.size()];
        try (BufferedReader r = Files.newBufferedReader(route, StandardCharsets.ISO_8859_1)) {
            r.readLine(); // the header
            for (String l; (l = r.readLine()) != null; ) {
                String[] f = l.trim().split("\\s+");
                if (f.length < 8) {
                    continue;
                }
                int dest;
                int mask;
                try {
                    dest = hostOrder(f[1]);
                    mask = hostOrder(f[7]);
                } catch (NumberFormatException e) {
                    continue; // a malformed line is no route
                }
                for (int i = 0; i < best.length; i++) {
                    if (mask != 0 && (addrs.get(i) & mask) == dest
                            && (best[i] == null || Integer.bitCount(mask) > Integer.bitCount(best[i].mask))) {
                        best[i] = new Route(f[0], dest, mask);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // without routes, addresses keep no name
        }
        return best;
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

    /** if_inet6's lines: one per IPv6 address, so as short as the address list. */
    private static List<String> lines(Path p) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.ISO_8859_1)) {
            for (String l; (l = r.readLine()) != null && out.size() <= MAX_ADDRESSES; ) {
                out.add(l);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable namespace names no address
        }
        return out;
    }
}
