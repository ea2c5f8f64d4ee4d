package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.capture.CaptureFileReader;
import io.peregrine.driver.capture.CaptureFileWriter;
import io.peregrine.driver.capture.CaptureHeader;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live records written to a capture file read back as the same records, seeds first. */
class LiveRecordReplayTest {
    @Test
    void recordThenReplayGivesTheSameEvents(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("live.prgn");
        List<byte[]> recorded = new ArrayList<>();
        try (LiveSource src = LiveSource.open(LiveOptions.defaults());
             CaptureFileWriter w = CaptureFileWriter.create(file, CaptureHeader.of(UUID.randomUUID(),
                     System.currentTimeMillis() * 1_000_000L, "test-node"))) {
            Process p = new ProcessBuilder("sh", "-c", "ls / > /dev/null").start();
            assertEquals(0, p.waitFor());
            long pid = p.pid();
            boolean[] sawChild = {false};
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            while (!sawChild[0]) {
                src.poll(r -> {
                    recorded.add(bytes(r));
                    try {
                        w.write(r);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    if (r.tid() == pid && !EventTable.isSynthetic(r.type())) {
                        sawChild[0] = true;
                    }
                }, 4096);
                assertTrue(System.nanoTime() < deadline, "the child's events never arrived");
            }
        }
        List<byte[]> replayed = new ArrayList<>();
        try (CaptureFileReader in = CaptureFileReader.open(file)) {
            in.drain(r -> replayed.add(bytes(r)));
            assertEquals(0, in.eventsSkipped());
        }
        assertEquals(recorded.size(), replayed.size());
        assertTrue(EventTable.isSynthetic(type(replayed.get(0))), "seeds come first");
        for (int i = 0; i < recorded.size(); i++) {
            assertArrayEquals(recorded.get(i), replayed.get(i), "record " + i);
        }
    }

    static byte[] bytes(EventRecord r) {
        byte[] b = new byte[r.len()];
        MemorySegment.copy(r.segment(), ValueLayout.JAVA_BYTE, r.offset(), b, 0, b.length);
        return b;
    }

    static int type(byte[] b) {
        return (b[20] & 0xff) | (b[21] & 0xff) << 8;
    }
}
