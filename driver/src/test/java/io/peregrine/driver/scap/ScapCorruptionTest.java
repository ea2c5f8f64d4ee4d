package io.peregrine.driver.scap;

import io.peregrine.driver.source.CaptureFormatException;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.event.EventTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Truncated and corrupt .scap files: the reader delivers every event before the damage, then stops
 * with a {@link CaptureFormatException} naming the byte offset of the damaged block.
 */
class ScapCorruptionTest {
    /** An uncompressed fixture with list blocks, V2 event blocks and several event types. */
    static byte[] file;
    /** Per non-seed event of a full read: the offset of its block. */
    static List<Long> blockOffsets = new ArrayList<>();
    static long seedCount;
    static long eventCount;

    @BeforeAll
    static void load() throws IOException {
        Path p = Fixtures.scapDir().resolve("psp_run_as_user_0_container.scap");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            file = in.readAllBytes();
        }
        Result full = read(file);
        assertEquals(null, full.error, "the intact file reads without error");
        blockOffsets = full.blockOffsets;
        seedCount = full.seeds;
        eventCount = full.events;
        assertTrue(eventCount > 4000 && seedCount > 100);
    }

    record Result(long seeds, long events, long skipped, List<Long> blockOffsets, CaptureFormatException error) {
    }

    static Result read(byte[] bytes) throws IOException {
        List<Long> offsets = new ArrayList<>();
        long[] seeds = {0};
        try (ScapReader r = ScapReader.of(new ByteArrayInputStream(bytes))) {
            try {
                r.drain(e -> {
                    if (EventTable.isSynthetic(e.type())) {
                        seeds[0]++;
                    } else {
                        offsets.add(r.blockOffset());
                    }
                });
                return new Result(seeds[0], offsets.size(), r.eventsSkipped(), offsets, null);
            } catch (CaptureFormatException e) {
                return new Result(seeds[0], offsets.size(), r.eventsSkipped(), offsets, e);
            }
        }
    }

    @Test
    void cutInsideEventBlocksDeliversEverythingBefore() throws IOException {
        for (int k : new int[] {0, 1, 17, 2000, (int) eventCount - 1}) {
            long blockStart = blockOffsets.get(k);
            for (int into : new int[] {1, 7, 8, 20}) {
                byte[] cut = Arrays.copyOf(file, (int) blockStart + into);
                Result r = read(cut);
                assertTrue(r.error != null, "cut at " + cut.length + " must fail");
                assertEquals(blockStart, r.error.offset(), r.error.getMessage());
                assertTrue(r.error.getMessage().contains("truncated") && r.error.getMessage().contains("offset " + blockStart),
                        r.error.getMessage());
                assertEquals(k, r.events, "events delivered before the cut at " + cut.length);
                assertEquals(seedCount, r.seeds);
                assertEquals(blockOffsets.subList(0, k), r.blockOffsets);
            }
        }
    }

    @Test
    void cutAtABlockBoundaryIsAShorterCapture() throws IOException {
        long boundary = blockOffsets.get(100);
        Result r = read(Arrays.copyOf(file, (int) boundary));
        assertEquals(null, r.error);
        assertEquals(100, r.events);
    }

    @Test
    void cutInsideHeaderAndListBlocks() throws IOException {
        Result empty = read(new byte[0]);
        assertEquals(0, empty.error.offset());
        assertTrue(empty.error.getMessage().contains("empty"));
        Result inShb = read(Arrays.copyOf(file, 10));
        assertEquals(0, inShb.error.offset());
        // the process list block: cut in its middle, no event was delivered
        long firstEvent = blockOffsets.get(0);
        Result inLists = read(Arrays.copyOf(file, (int) firstEvent / 2));
        assertTrue(inLists.error != null);
        assertEquals(0, inLists.events);
        assertTrue(inLists.error.offset() > 0 && inLists.error.offset() < firstEvent / 2);
    }

    @Test
    void wrongBlockLengthIsReportedAtItsBlock() throws IOException {
        int k = 1234;
        long at = blockOffsets.get(k);
        byte[] bad = file.clone();
        ByteBuffer b = ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) at + 4, b.getInt((int) at + 4) + 4);
        Result r = read(bad);
        assertEquals(at, r.error.offset(), r.error.getMessage());
        assertTrue(r.error.getMessage().contains("trailer"), r.error.getMessage());
        assertEquals(k, r.events);
    }

    @Test
    void eventLengthBeyondItsBlockIsReported() throws IOException {
        int k = 300;
        long at = blockOffsets.get(k);
        byte[] bad = file.clone();
        ByteBuffer b = ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN);
        int evLenAt = (int) at + 8 + 2 + 16;
        b.putInt(evLenAt, b.getInt(evLenAt) + 1000);
        Result r = read(bad);
        assertEquals(at, r.error.offset(), r.error.getMessage());
        assertTrue(r.error.getMessage().contains("event length"), r.error.getMessage());
        assertEquals(k, r.events);
    }

    @Test
    void parameterLengthsBeyondTheEventAreReported() throws IOException {
        int k = 500;
        long at = blockOffsets.get(k);
        byte[] bad = file.clone();
        ByteBuffer b = ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN);
        int ev = (int) at + 10;
        int nparams = b.getInt(ev + 22);
        assertTrue(nparams > 0);
        b.putShort(ev + 26, (short) 0x7FFF);
        Result r = read(bad);
        assertEquals(at, r.error.offset(), r.error.getMessage());
        assertEquals(k, r.events);
    }

    @Test
    void unknownTypesAndLayoutsAreSkippedAndCounted() throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        EventRecordBuilder b = new EventRecordBuilder();
        try (ScapWriter w = new ScapWriter(o, null)) {
            b.begin(1, 7, EventCodes.PPME_SYSCALL_OPEN_E, 3).addString("/etc/passwd").addU32(1).addU32(0).finish();
            w.write(new EventRecord().wrap(b.segment(), 0));
            // a type this build does not know
            b.begin(2, 7, 0x1FF, 0).finish();
            w.write(new EventRecord().wrap(b.segment(), 0));
            // a known type with more parameters than any layout of it
            b.begin(3, 7, EventCodes.PPME_SYSCALL_CLOSE_E, 5).addI64(3).addI64(0).addI64(0).addI64(0).addI64(0).finish();
            w.write(new EventRecord().wrap(b.segment(), 0));
            // an older, shorter layout is fine: open enter without parameters
            b.begin(4, 7, EventCodes.PPME_SYSCALL_OPEN_E, 0).finish();
            w.write(new EventRecord().wrap(b.segment(), 0));
        }
        Result r = read(o.toByteArray());
        assertEquals(null, r.error);
        assertEquals(2, r.events);
        assertEquals(2, r.skipped);
    }

    @Test
    void randomByteFlipsNeverCrash() throws IOException {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            byte[] bad = file.clone();
            for (int f = 0; f < 1 + rnd.nextInt(4); f++) {
                int at = rnd.nextInt(bad.length);
                bad[at] ^= (byte) (1 << rnd.nextInt(8));
            }
            try {
                read(bad);
            } catch (RuntimeException e) {
                fail("round " + round + ": " + e, e);
            }
        }
    }

    @Test
    void truncatedGzipStreamIsReported() throws IOException {
        byte[] gz = Files.readAllBytes(Fixtures.scapDir().resolve("psp_run_as_user_0_container.scap"));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        Path tmp = Files.createTempFile("cut", ".scap");
        try {
            Files.write(tmp, cut);
            List<Long> seen = new ArrayList<>();
            try (ScapReader r = ScapReader.open(tmp)) {
                CaptureFormatException e = assertThrows(CaptureFormatException.class,
                        () -> r.drain(ev -> seen.add(ev.ts())));
                assertTrue(e.getMessage().contains("compressed stream") || e.getMessage().contains("truncated"), e.getMessage());
                assertTrue(seen.size() > seedCount, "events before the cut were delivered");
            }
        } finally {
            Files.delete(tmp);
        }
    }

    @Test
    void notAScapFile() throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write("hello, this is not a capture file at all".getBytes());
        Result r = read(o.toByteArray());
        assertEquals(0, r.error.offset());
        assertTrue(r.error.getMessage().contains("not a .scap file"), r.error.getMessage());
    }
}
