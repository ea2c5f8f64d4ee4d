package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The /proc scan's seed events come first, then the live stream. */
class LiveSeedTest {
    @Test
    void seedsPrecedeLiveEvents() throws Exception {
        long self = ProcessHandle.current().pid();
        try (LiveSource src = LiveSource.open(LiveOptions.defaults())) {
            Process p = new ProcessBuilder("true").start();
            assertEquals(0, p.waitFor());
            long[] seeds = {0};
            long[] live = {0};
            boolean[] order = {true};
            boolean[] selfSeeded = {false};
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            while (live[0] == 0) {
                src.poll(r -> {
                    if (EventTable.isSynthetic(r.type())) {
                        seeds[0]++;
                        if (live[0] > 0) {
                            order[0] = false;
                        }
                        if (r.type() == EventCodes.PEREGRINE_SEED_THREAD_E && r.tid() == self) {
                            selfSeeded[0] = true;
                        }
                    } else {
                        live[0]++;
                    }
                }, 1000);
                assertTrue(System.nanoTime() < deadline, "no live event arrived");
            }
            assertTrue(order[0], "a seed event came after a live event");
            assertTrue(seeds[0] > 10, "seed events: " + seeds[0]);
            assertTrue(selfSeeded[0], "this process is seeded");
            assertEquals(src.eventsRead(), seeds[0] + live[0]);
        }
    }

    /** In a pod the host's root is mounted elsewhere (PEREGRINE_HOST_ROOT): the scan reads proc and etc there. */
    @Test
    void theScanReadsProcAndEtcUnderTheHostRoot() throws Exception {
        Path root = Files.createTempDirectory("host-root");
        Files.createSymbolicLink(root.resolve("proc"), Path.of("/proc"));
        Files.createDirectory(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "only-under-host-root:x:4242:4242::/nonexistent:/bin/false\n");
        Files.writeString(root.resolve("etc/group"), "only-under-host-root-group:x:4242:\n");
        List<String> users = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        boolean[] selfSeeded = {false};
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withHostRoot(root))) {
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            boolean[] live = {false};
            while (!live[0]) {
                src.poll(r -> {
                    if (r.type() == EventCodes.PEREGRINE_SEED_USER_E) {
                        users.add(r.string(2));
                    } else if (r.type() == EventCodes.PEREGRINE_SEED_THREAD_E && r.tid() == self) {
                        selfSeeded[0] = true;
                    } else if (!EventTable.isSynthetic(r.type())) {
                        live[0] = true;
                    }
                }, 1000);
                assertTrue(System.nanoTime() < deadline, "no live event arrived");
            }
        }
        assertEquals(List.of("only-under-host-root"), users, "the users of <root>/etc/passwd, and only those");
        assertTrue(selfSeeded[0], "processes from <root>/proc");
    }
}
