package io.peregrine.rules.runtime.names;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.rules.engine.eval.IpAddress;
import io.peregrine.rules.engine.names.ResolvedNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameRefresherTest {

    private static long[] addr(String... texts) {
        long[] p = new long[texts.length * 2];
        for (int i = 0; i < texts.length; i++) {
            p[2 * i] = IpAddress.high(texts[i]);
            p[2 * i + 1] = IpAddress.low(texts[i]);
        }
        return p;
    }

    @Test
    void hostsFileFormWithCommentsAliasesAndABadLine() {
        List<String> problems = new ArrayList<>();
        HostsFile h = HostsFile.parse("""
                # comment
                10.96.0.1   kubernetes.default.svc.cluster.local kubernetes  # trailing
                nonsense
                2001:db8::8 pool.example
                198.51.100.8 POOL.example.
                """, problems);
        assertArrayEquals(addr("10.96.0.1"), h.lookup("kubernetes"));
        assertArrayEquals(addr("10.96.0.1"), h.lookup("Kubernetes.Default.svc.cluster.local"));
        assertArrayEquals(addr("2001:db8::8", "198.51.100.8"), h.lookup("pool.example"));
        assertEquals(null, h.lookup("other.example"));
        assertEquals(List.of("line 3: not 'address name...': nonsense"), problems);
    }

    @Test
    void aHostsFileLargerThanTheBoundIsRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("hosts");
        Files.write(f, new byte[(int) HostsFile.MAX_BYTES + 1]);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> HostsFile.read(f, new ArrayList<>()));
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    @Test
    void resolvesFromTheHostsFileFirstThenTheResolverAndKeepsAddressesWhenALookupHangs(@TempDir Path dir)
            throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "10.96.0.1 api.example\n");
        CountDownLatch release = new CountDownLatch(1);
        LinkedBlockingQueue<String> logged = new LinkedBlockingQueue<>();
        boolean[] hang = {false};
        NameRefresher.Resolver resolver = name -> {
            if (name.equals("slow.example") && hang[0]) {
                release.await();     // a resolver that does not answer
            }
            return switch (name) {
                case "slow.example" -> addr("192.0.2.7");
                case "pool.example" -> addr("198.51.100.8");
                default -> new long[0];
            };
        };
        try (NameRefresher r = new NameRefresher(resolver, hosts, Duration.ofHours(1), Duration.ofMillis(200), 100, 1,
                logged::add)) {
            ResolvedNames names = new ResolvedNames();
            int api = names.register("api.example");
            int pool = names.register("pool.example");
            int slow = names.register("slow.example");
            names.register("missing.example");
            r.resolveNow(names);
            assertTrue(names.contains(new int[] {api}, IpAddress.high("10.96.0.1"), IpAddress.low("10.96.0.1")));
            assertTrue(names.contains(new int[] {pool}, IpAddress.high("198.51.100.8"), IpAddress.low("198.51.100.8")));
            assertArrayEquals(addr("192.0.2.7"), names.addresses("slow.example"));
            assertArrayEquals(new long[0], names.addresses("missing.example"));

            hang[0] = true;
            r.resolveNow(names);
            assertArrayEquals(addr("192.0.2.7"), names.addresses("slow.example"), "a hung lookup keeps the addresses");
            assertTrue(String.join("\n", logged).contains("lookup of 'slow.example' took more than 200 ms"),
                    String.join("\n", logged));
            release.countDown();

            // A new ruleset gets what is known at once, then a round in the background.
            ResolvedNames next = new ResolvedNames();
            next.register("slow.example");
            CountDownLatch round = new CountDownLatch(1);
            r.onRound(round::countDown);
            r.follow(next);
            assertArrayEquals(addr("192.0.2.7"), next.addresses("slow.example"));
            assertTrue(round.await(30, TimeUnit.SECONDS));
        }
    }
}
