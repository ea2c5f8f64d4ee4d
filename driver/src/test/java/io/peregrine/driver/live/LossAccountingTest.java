package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.bpf.ProbeCounters;
import io.peregrine.driver.bpf.Syscall;
import io.peregrine.protocol.scap.EventCodes;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * With a ring too small for the traffic and nobody reading, records are lost, and every loss is
 * counted: what was written plus what was lost is what the probe produced, and what was written is
 * exactly what the reader then gets.
 */
class LossAccountingTest {
    @Test
    void aFullRingCountsEveryLostRecord() throws Exception {
        LiveOptions o = LiveOptions.defaults().withSeed(false).withRingBytes(16 * 1024)
                .withSyscalls(EnumSet.of(Syscall.CLOSE));
        try (LiveSource src = LiveSource.open(o)) {
            // each child closes a few hundred fds on exit and at start; 16 KiB holds about 400 closes
            for (int i = 0; i < 4; i++) {
                Process p = new ProcessBuilder("sh", "-c", "for i in $(seq 1 300); do exec 3</dev/null; exec 3<&-; done").start();
                assertEquals(0, p.waitFor());
            }
            src.select(Syscall.CLOSE, false);
            // closes already past the selection check on other CPUs finish within microseconds
            Thread.sleep(200);
            long read = 0;
            int n;
            while ((n = src.poll(r -> {
                assertEquals(EventCodes.PPME_SYSCALL_CLOSE_X, r.type());
            }, 100_000)) > 0) {
                read += n;
            }
            ProbeCounters c = src.counters();
            assertTrue(c.drops() > 0, "the small ring overflowed: " + c);
            assertEquals(0, c.tooLarge());
            assertEquals(c.events(), read, "every record counted as written was read: " + c);
            assertEquals(0, src.eventsSkipped());
        }
    }
}
