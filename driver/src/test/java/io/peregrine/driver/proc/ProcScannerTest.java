package io.peregrine.driver.proc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.scap.FdTypes;
import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /proc scan seeds this very process: its threads, an open file and a listening socket. */
class ProcScannerTest {
    record Seed(EventRecord r) {
        long num(String name) {
            return r.number(r.eventType().paramIndex(name));
        }

        String str(String name) {
            return r.string(r.eventType().paramIndex(name));
        }

        byte[] bytes(String name) {
            return r.bytes(r.eventType().paramIndex(name));
        }
    }

    static List<Seed> scan() throws Exception {
        SeedRecords out = new SeedRecords();
        int n = new ProcScanner(Path.of("/proc"), Path.of("/etc")).scan(out);
        assertEquals(n, out.count());
        List<Seed> seeds = new ArrayList<>();
        out.deliver(r -> {
            MemorySegment copy = MemorySegment.ofArray(new byte[r.len()]);
            r.copyTo(copy, 0);
            EventRecord c = new EventRecord().wrap(copy, 0);
            EventType t = c.eventType();
            assertNull(c.validate(c.len()), () -> t + " record invalid");
            assertEquals(t.nparams(), c.nparams(), () -> t + " parameter count");
            for (int i = 0; i < t.nparams(); i++) {
                int len = c.paramLen(i);
                int fixed = t.param(i).type().size();
                assertTrue(fixed < 0 || len == fixed || len == 0, t + "." + t.param(i).name() + " has " + len + " bytes");
            }
            seeds.add(new Seed(c));
        }, Integer.MAX_VALUE);
        return seeds;
    }

    @Test
    void seedsThisProcessItsFileAndItsListeningSocket(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seeded.txt");
        Files.writeString(file, "x");
        long pid = ProcessHandle.current().pid();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw");
             ServerSocket server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            List<Seed> seeds = scan();

            List<Seed> threads = seeds.stream().filter(s -> s.r().type() == EventCodes.PEREGRINE_SEED_THREAD_E
                    && s.num("pid") == pid).toList();
            assertTrue(threads.size() > 1, "a JVM has several threads");
            Seed main = threads.stream().filter(s -> s.num("tid") == pid).findFirst().orElseThrow();
            assertEquals(ProcessHandle.current().parent().orElseThrow().pid(), main.num("ptid"));
            assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toRealPath().toString(), main.str("exepath"));
            assertEquals(Path.of("").toAbsolutePath().toRealPath().toString(), main.str("cwd"));
            assertEquals(0, main.num("uid"));
            assertTrue(main.num("fdlimit") > 0);
            assertTrue(main.num("exe_ino") > 0);
            assertEquals(Files.getAttribute(Path.of(main.str("exepath")), "unix:ino"), main.num("exe_ino"));

            Seed fileFd = seeds.stream().filter(s -> s.r().type() == EventCodes.PEREGRINE_SEED_FD_E
                    && s.num("tid") == pid && s.str("name").equals(file.toString())).findFirst().orElseThrow();
            assertEquals(FdTypes.FILE, fileFd.num("fdtype"));
            assertEquals(Files.getAttribute(file, "unix:ino"), fileFd.num("ino"));
            assertEquals(3, fileFd.num("flags") & 3, "opened read-write");

            int port = server.getLocalPort();
            Seed sock = seeds.stream().filter(s -> s.r().type() == EventCodes.PEREGRINE_SEED_FD_E
                    && s.num("tid") == pid && s.num("fdtype") == FdTypes.IPV4_SERVSOCK
                    && s.num("sport") == port).findFirst().orElseThrow();
            assertArrayEquals(new byte[] {127, 0, 0, 1}, sock.bytes("sip"));
            assertEquals(SocketTable.L4_TCP, sock.num("l4proto"));

            Seed root = seeds.stream().filter(s -> s.r().type() == EventCodes.PEREGRINE_SEED_USER_E
                    && s.num("uid") == 0).findFirst().orElseThrow();
            assertEquals("root", root.str("name"));
            assertTrue(seeds.stream().anyMatch(s -> s.r().type() == EventCodes.PEREGRINE_SEED_GROUP_E
                    && s.num("gid") == 0 && s.str("name").equals("root")));
        }
    }

    @Test
    void procNetAddressesAreDecodedToNetworkOrder() {
        assertArrayEquals(new byte[] {127, 0, 0, 1}, SocketTable.address("0100007F"));
        byte[] v6 = SocketTable.address("00000000000000000000000001000000");
        assertEquals(1, v6[15]);
    }

    /**
     * The host's interfaces are seeded from its init process's network namespace: this machine's
     * loopback addresses, and every address Java sees in its own namespace when that is the host's.
     */
    @Test
    void seedsTheMachinesInterfaces() throws Exception {
        List<Seed> ifaddrs = scan().stream().filter(s -> s.r().type() == EventCodes.PEREGRINE_SEED_IFADDR_E).toList();
        assertTrue(Files.isReadable(Path.of("/proc/1/net/fib_trie")), "this test reads the host's /proc/1/net");
        Seed lo = ifaddrs.stream().filter(s -> java.util.Arrays.equals(s.bytes("addr"), new byte[] {127, 0, 0, 1}))
                .findFirst().orElseThrow(() -> new AssertionError("no 127.0.0.1 among " + ifaddrs.size()));
        assertEquals("lo", lo.str("ifname"));
        assertArrayEquals(new byte[] {(byte) 255, 0, 0, 0}, lo.bytes("netmask"));
        byte[] v6lo = new byte[16];
        v6lo[15] = 1;
        if (Files.readString(Path.of("/proc/1/net/if_inet6")).contains("00000000000000000000000000000001")) {
            assertTrue(ifaddrs.stream().anyMatch(s -> java.util.Arrays.equals(s.bytes("addr"), v6lo)), "::1 seeded");
        }
        if (!Files.readString(Path.of("/proc/1/net/fib_trie")).equals(Files.readString(Path.of("/proc/self/net/fib_trie")))) {
            System.out.println("this JVM runs in a network namespace of its own: its interfaces are not compared");
            return;
        }
        for (java.net.NetworkInterface ni : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (java.net.InterfaceAddress ia : ni.getInterfaceAddresses()) {
                byte[] a = ia.getAddress().getAddress();
                assertTrue(ifaddrs.stream().anyMatch(s -> java.util.Arrays.equals(s.bytes("addr"), a)
                        && s.str("ifname").equals(ni.getName())), ni.getName() + " " + ia + " seeded");
            }
        }
    }

    @Test
    void interfacesAreReadFromFibTrieRouteAndIfInet6(@TempDir Path proc) throws Exception {
        Path net = Files.createDirectories(proc.resolve("1/net"));
        Files.writeString(net.resolve("fib_trie"), """
                Local:
                  +-- 0.0.0.0/0 3 0 5
                     +-- 127.0.0.0/8 2 0 2
                        +-- 127.0.0.0/31 1 0 0
                           |-- 127.0.0.0
                              /8 host LOCAL
                           |-- 127.0.0.1
                              /32 host LOCAL
                        |-- 127.255.255.255
                           /32 link BROADCAST
                     |-- 10.1.2.3
                        /32 host LOCAL
                     |-- 10.1.2.255
                        /32 link BROADCAST
                """);
        Files.writeString(net.resolve("route"), """
                Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
                eth0	00000000	0102010A	0003	0	0	0	00000000	0	0	0
                eth0	0000010A	00000000	0001	0	0	0	0000FFFF	0	0	0
                eth0	0002010A	00000000	0001	0	0	0	00FFFFFF	0	0	0
                """);
        Files.writeString(net.resolve("if_inet6"), """
                20010db8000000000000000000000001 02 40 00 80     eth0
                00000000000000000000000000000001 01 80 10 80       lo
                not an address line
                """);
        SeedRecords out = new SeedRecords();
        NetInterfaces.emit(proc, 1, new io.peregrine.protocol.event.EventRecordBuilder(), out);
        List<String> got = new ArrayList<>();
        out.deliver(r -> {
            EventRecord c = new EventRecord().wrap(MemorySegment.ofArray(new byte[r.len()]), 0);
            r.copyTo(c.segment(), 0);
            c.wrap(c.segment(), 0);
            got.add(c.string(0) + " " + hex(c.bytes(1)) + " " + hex(c.bytes(2)) + " " + hex(c.bytes(3)));
        }, Integer.MAX_VALUE);
        assertEquals(List.of(
                "lo 7f000001 ff000000 00000000",
                "eth0 0a010203 ffffff00 0a0102ff", // the /24 route, not the /16 or the default
                "eth0 20010db8000000000000000000000001 ffffffffffffffff0000000000000000 00000000000000000000000000000000",
                "lo 00000000000000000000000000000001 ffffffffffffffffffffffffffffffff 00000000000000000000000000000000"),
                got);
    }

    /** A namespace with more addresses than the bound seeds the bound, read line by line. */
    @Test
    void interfaceAddressesAreBounded(@TempDir Path proc) throws Exception {
        Path net = Files.createDirectories(proc.resolve("1/net"));
        StringBuilder trie = new StringBuilder("Local:\n");
        int n = NetInterfaces.MAX_ADDRESSES + 1000;
        for (int i = 0; i < n; i++) {
            trie.append("     |-- 10.").append(i >> 16 & 255).append('.').append(i >> 8 & 255).append('.')
                    .append(i & 255).append("\n        /32 host LOCAL\n");
        }
        Files.writeString(net.resolve("fib_trie"), trie);
        SeedRecords out = new SeedRecords();
        NetInterfaces.emit(proc, 1, new io.peregrine.protocol.event.EventRecordBuilder(), out);
        assertEquals(NetInterfaces.MAX_ADDRESSES, out.count());
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
