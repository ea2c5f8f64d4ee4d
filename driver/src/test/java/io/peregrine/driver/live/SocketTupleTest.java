package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.bpf.Syscall;
import io.peregrine.protocol.scap.EventCodes;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket tuples from the live probe against what the sockets themselves report: a python program
 * connects over IPv4, IPv6 (TCP and UDP), an IPv4-mapped IPv6 address and unix sockets (a path,
 * an abstract name, a socketpair), and prints getsockname/getpeername (or the datagram's named
 * peer) for every call. Each recorded tuple must
 * be exactly the scap layout of those ends, byte for byte, with nothing after it.
 */
class SocketTupleTest {
    static final int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10;
    /** Call name → exit event type and whether the tuple is inbound (remote end first). */
    static final Map<String, int[]> CALLS = Map.of(
            "connect", new int[] {EventCodes.PPME_SOCKET_CONNECT_X, 0},
            "accept", new int[] {EventCodes.PPME_SOCKET_ACCEPT4_6_X, 1},
            "sendto", new int[] {EventCodes.PPME_SOCKET_SENDTO_X, 0},
            "sendmsg", new int[] {EventCodes.PPME_SOCKET_SENDMSG_X, 0},
            "recvfrom", new int[] {EventCodes.PPME_SOCKET_RECVFROM_X, 1},
            "recvmsg", new int[] {EventCodes.PPME_SOCKET_RECVMSG_X, 1});

    @Test
    void tuplesAreTheSocketsOwnEnds(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("net-tuples.py");
        try (InputStream in = SocketTupleTest.class.getResourceAsStream("net-tuples.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<CapturedEvent> events = new ArrayList<>();
        List<String> output;
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSeed(false).withRingBytes(32 << 20)
                .withSyscalls(EnumSet.of(Syscall.CONNECT, Syscall.ACCEPT, Syscall.ACCEPT4, Syscall.SENDTO,
                        Syscall.SENDMSG, Syscall.RECVFROM, Syscall.RECVMSG, Syscall.SOCKETPAIR, Syscall.EXIT_GROUP)))) {
            Process p = new ProcessBuilder(LiveCaptureTest.PYTHON, script.toString(), dir.toString())
                    .redirectErrorStream(true).start();
            long pid = p.pid();
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(0, p.waitFor(), "the program failed: " + output);
            boolean[] exited = {false};
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            while (!exited[0]) {
                src.poll(r -> {
                    if (r.tid() == pid) {
                        exited[0] |= r.type() == EventCodes.PPME_PROCEXIT_1_E;
                        events.add(new CapturedEvent(r));
                    }
                }, 4096);
                assertTrue(System.nanoTime() < deadline, "the program's exit never arrived");
            }
        }
        boolean ipv6 = !output.contains("noipv6");
        // Said on every run, so that a host without IPv6 is never a silent pass.
        System.out.println("socket tuple test: " + (ipv6
                ? "IPv4, IPv6 (TCP, UDP), IPv4-mapped IPv6 and unix checked"
                : "::1 cannot be bound on this host (no IPv6): only the IPv4 and unix cases are checked"));

        List<String> checked = new ArrayList<>();
        int from = 0; // the python program is single-threaded: its records come in call order
        byte[][] unixPointers = new byte[2][];
        for (String l : output) {
            String[] f = l.split(" ");
            if (f.length < 4) {
                continue;
            }
            int[] call = CALLS.get(f[1]);
            long fd = Long.parseLong(f[2]);
            int at = from;
            while (at < events.size() && !(events.get(at).type() == call[0] && events.get(at).num("fd") == fd)) {
                at++;
            }
            assertTrue(at < events.size(), "no record for: " + l);
            from = at + 1;
            byte[] tuple = events.get(at).bytes("tuple");
            if (f[0].equals("pair")) {
                // scap's order: the peer first on a send, this socket first on a receive, so both
                // name the pair (peer, source) of the socketpair record; no path, only its NUL
                long fd1 = Long.parseLong(f[3]);
                CapturedEvent pair = events.stream()
                        .filter(e -> e.type() == EventCodes.PPME_SOCKET_SOCKETPAIR_X && e.num("fd1") == fd1)
                        .reduce((x, y) -> y).orElseThrow(() -> new AssertionError("no socketpair record for " + l));
                java.nio.ByteBuffer exp = java.nio.ByteBuffer.allocate(18).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                exp.put((byte) AF_UNIX).putLong(pair.num("peer")).putLong(pair.num("source")).put((byte) 0);
                assertEquals(HexFormat.of().formatHex(exp.array()), HexFormat.of().formatHex(tuple), l);
            } else if (f[0].equals("unix") || f[0].equals("abstract")) {
                // an abstract name is written without its leading NUL, as scap's drivers do
                String name = f[0].equals("abstract") ? f[3].substring(1) : f[3];
                byte[] path = (name + "\0").getBytes(StandardCharsets.UTF_8);
                assertEquals(17 + path.length, tuple.length, l + ": " + HexFormat.of().formatHex(tuple));
                assertEquals(AF_UNIX, tuple[0], l);
                assertArrayEquals(path, Arrays.copyOfRange(tuple, 17, tuple.length), l + ": the bound path, then nothing");
                byte[] pointers = Arrays.copyOfRange(tuple, 1, 17);
                assertTrue(!Arrays.equals(pointers, 0, 8, new byte[8], 0, 8)
                        && !Arrays.equals(pointers, 8, 16, new byte[8], 0, 8), l + ": both socket identities");
                if (f[0].equals("unix")) {
                    unixPointers[call[1]] = pointers;
                }
            } else {
                byte[] local = end(f[3], Integer.parseInt(f[4]));
                byte[] remote = end(f[5], Integer.parseInt(f[6]));
                byte[] expected = tuple(call[1] == 1 ? remote : local, call[1] == 1 ? local : remote);
                assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(tuple), l);
            }
            checked.add(f[0] + " " + f[1]);
        }
        // both ends of one unix connection: the connect and the accept name the same pair
        assertArrayEquals(unixPointers[0], unixPointers[1], "unix connect and accept tuples");
        List<String> expectedCases = new ArrayList<>(List.of("tcp4 connect", "tcp4 accept"));
        if (ipv6) {
            expectedCases.addAll(List.of("tcp6 connect", "tcp6 accept", "udp6 sendto", "udp6 recvfrom",
                    "udp6 sendmsg", "udp6 recvmsg", "mapped connect", "mapped accept"));
        }
        expectedCases.addAll(List.of("unix connect", "unix accept", "abstract connect", "abstract accept", "pair sendto", "pair recvfrom"));
        assertEquals(expectedCases, checked);
    }

    /** One end as scap packs it: the address in network order, then the port in host (little-endian) order. */
    private static byte[] end(String addr, int port) throws Exception {
        byte[] a = InetAddress.getByName(addr).getAddress();
        if (addr.contains(":") && a.length == 4) {
            // Java turns ::ffff:a.b.c.d into an IPv4 address; the socket is IPv6 and so is its tuple
            byte[] m = new byte[16];
            m[10] = (byte) 0xff;
            m[11] = (byte) 0xff;
            System.arraycopy(a, 0, m, 12, 4);
            a = m;
        }
        byte[] e = Arrays.copyOf(a, a.length + 2);
        e[a.length] = (byte) port;
        e[a.length + 1] = (byte) (port >> 8);
        return e;
    }

    /** family, first end, second end; the family follows from the address size. */
    private static byte[] tuple(byte[] first, byte[] second) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(first.length == 6 ? AF_INET : AF_INET6);
        b.writeBytes(first);
        b.writeBytes(second);
        return b.toByteArray();
    }
}
