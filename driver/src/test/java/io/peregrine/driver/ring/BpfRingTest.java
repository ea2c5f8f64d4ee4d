package io.peregrine.driver.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventRecordBuilder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reader's handling of positions, busy and discarded records and wrap-around, on memory laid out
 * as the kernel lays out a ring (the data area mirrored after itself). The live tests cover the
 * real mapping.
 */
class BpfRingTest {
    static final long PAGE = 4096;
    static final long SIZE = 4096;
    Arena arena;
    MemorySegment cons;
    MemorySegment prod;
    BpfRing ring;
    long producerPos;

    @BeforeEach
    void setUp() {
        arena = Arena.ofConfined();
        cons = arena.allocate(PAGE, PAGE);
        prod = arena.allocate(PAGE + 2 * SIZE, PAGE);
        ring = BpfRing.over(cons, prod, PAGE, SIZE);
    }

    @AfterEach
    void tearDown() {
        ring.close();
        arena.close();
    }

    /** Writes a record the way the kernel does: header, payload, both copies of the data area. */
    long write(long tid, int payload, int headerBits) {
        EventRecordBuilder b = new EventRecordBuilder();
        b.begin(1000 + tid, tid, 5, 2).addI64(0).addBytes(new byte[payload]).finish();
        int len = b.length();
        long at = producerPos & (SIZE - 1);
        putData(at, (len | headerBits));
        putData(at + 4, 0);
        for (int i = 0; i < len; i++) {
            putByte(at + 8 + i, b.array()[i]);
        }
        long start = producerPos;
        producerPos += (len + 8 + 7) & ~7L;
        prod.set(ValueLayout.JAVA_LONG, 0, producerPos);
        return start;
    }

    void putData(long at, int v) {
        for (int k = 0; k < 4; k++) {
            putByte(at + k, (byte) (v >>> (8 * k)));
        }
    }

    void putByte(long at, byte v) {
        long off = at & (SIZE - 1);
        prod.set(ValueLayout.JAVA_BYTE, PAGE + off, v);
        prod.set(ValueLayout.JAVA_BYTE, PAGE + SIZE + off, v);
    }

    List<Long> drain() {
        List<Long> tids = new ArrayList<>();
        ring.poll((EventRecord r) -> tids.add(r.tid()), Integer.MAX_VALUE);
        return tids;
    }

    long consumerPos() {
        return cons.get(ValueLayout.JAVA_LONG, 0);
    }

    @Test
    void deliversCommittedRecordsInOrderAndReleasesTheirSpace() {
        write(1, 10, 0);
        write(2, 20, 0);
        assertEquals(List.of(1L, 2L), drain());
        assertEquals(producerPos, consumerPos());
        assertEquals(List.of(), drain());
    }

    @Test
    void skipsDiscardedRecordsAndCountsThem() {
        write(1, 10, 0);
        write(2, 10, BpfRing.DISCARD_BIT);
        write(3, 10, 0);
        assertEquals(List.of(1L, 3L), drain());
        assertEquals(1, ring.discarded());
        assertEquals(producerPos, consumerPos());
    }

    @Test
    void stopsAtARecordStillBeingWritten() {
        write(1, 10, 0);
        long busyAt = write(2, 10, BpfRing.BUSY_BIT);
        write(3, 10, 0);
        assertEquals(List.of(1L), drain());
        assertEquals(busyAt, consumerPos(), "space of the busy record is not released");
        putData(busyAt & (SIZE - 1), readHeader(busyAt) & ~BpfRing.BUSY_BIT); // committed
        assertEquals(List.of(2L, 3L), drain());
    }

    int readHeader(long pos) {
        return prod.get(ValueLayout.JAVA_INT, PAGE + (pos & (SIZE - 1)));
    }

    @Test
    void recordsThatWrapAroundAreReadWhole() {
        long tid = 0;
        List<Long> expected = new ArrayList<>();
        List<Long> got = new ArrayList<>();
        // many rounds through the 4 KiB area with odd sizes, so records straddle the end
        for (int round = 0; round < 200; round++) {
            for (int k = 0; k < 3; k++) {
                tid++;
                write(tid, 37 * k + 101, 0);
                expected.add(tid);
            }
            ring.poll(r -> {
                got.add(r.tid());
                assertEquals(1000 + r.tid(), r.ts());
                assertEquals(r.len(), EventRecord.HEADER_SIZE + 4 + 8 + r.paramLen(1));
            }, Integer.MAX_VALUE);
        }
        assertEquals(expected, got);
        assertEquals(producerPos, consumerPos());
    }

    @Test
    void pollRespectsTheMaximum() {
        for (int i = 1; i <= 5; i++) {
            write(i, 8, 0);
        }
        List<Long> tids = new ArrayList<>();
        assertEquals(2, ring.poll(r -> tids.add(r.tid()), 2));
        assertEquals(3, ring.poll(r -> tids.add(r.tid()), 10));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), tids);
        assertEquals(5, ring.delivered());
    }

    /** A committed ring header with any length, as a hostile or corrupted ring could hold. */
    long writeHeaderOnly(int hdr, long advance) {
        long at = producerPos & (SIZE - 1);
        putData(at, hdr);
        putData(at + 4, 0);
        long start = producerPos;
        producerPos += advance;
        prod.set(ValueLayout.JAVA_LONG, 0, producerPos);
        return start;
    }

    @Test
    void aRecordLongerThanTheRingResynchronisesAtTheProducer() {
        write(1, 10, 0);
        writeHeaderOnly(0x3fff_fff0, 64); // length beyond the 4 KiB ring
        assertEquals(List.of(1L), drain());
        assertEquals(1, ring.corrupt());
        assertEquals(64, ring.corruptBytes());
        assertEquals(producerPos, consumerPos(), "the reader starts again where the kernel writes");
        write(2, 10, 0);
        assertEquals(List.of(2L), drain(), "records after the resynchronisation are read");
    }

    @Test
    void aRecordReachingPastTheProducerResynchronises() {
        writeHeaderOnly(200, 64); // claims 200 bytes, only 64 produced
        assertEquals(List.of(), drain());
        assertEquals(1, ring.corrupt());
        assertEquals(producerPos, consumerPos());
        write(3, 10, 0);
        assertEquals(List.of(3L), drain());
    }

    @Test
    void anEventLongerThanItsRingRecordIsSkippedAndCounted() {
        long at = write(1, 10, 0);
        // The event's own length field (16 bytes into the event, after the 8-byte ring header) lies.
        putData((at & (SIZE - 1)) + 8 + 16, 1 << 20);
        writeHeaderOnly(16, 24); // a ring record too short for an event header
        write(2, 10, 0);
        assertEquals(List.of(2L), drain());
        assertEquals(2, ring.malformed());
        assertEquals(0, ring.corrupt());
        assertEquals(producerPos, consumerPos());
    }
}
