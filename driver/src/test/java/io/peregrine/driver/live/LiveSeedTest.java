package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.protocol.event.EventCodes;
import io.peregrine.protocol.event.EventTable;
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
}
