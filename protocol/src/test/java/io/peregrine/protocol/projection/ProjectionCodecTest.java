package io.peregrine.protocol.projection;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class ProjectionCodecTest {

    private static final byte[] TWO = "2".getBytes(StandardCharsets.US_ASCII);

    private static ProjectionEncoder sample() {
        ProjectionEncoder e = new ProjectionEncoder(16);
        e.begin(7, 1_000, 42, 3, 307, ProjectionFormat.DIR_EXIT);
        e.field(10, null);
        e.absent();
        e.field(11, null);
        e.int64(-5);
        e.field(12, null);
        e.uint64(-1L);
        e.field(13, null);
        e.bool(true);
        e.field(14, TWO);
        e.bytes("bash".getBytes(StandardCharsets.UTF_8));
        e.field(15, null);
        e.ip4(0x7f000001);
        e.field(16, null);
        e.ip6(0, 1);
        e.field(17, null);
        e.beginList();
        e.bytes("a".getBytes(StandardCharsets.UTF_8));
        e.int64(3);
        e.endList();
        e.field(18, null);
        int at = e.beginBytes();
        e.append((byte) 'x');
        e.appendDecimal(-120);
        e.endBytes(at);
        e.end();
        return e;
    }

    @Test
    void roundTripsEveryValueKind() {
        ProjectionEncoder e = sample();
        ProjectedEventView v = new ProjectedEventView().wrap(e.segment(), 0);
        assertNull(v.validate(e.size()));
        assertEquals(e.size(), v.length());
        assertEquals(7, v.num());
        assertEquals(1_000, v.ts());
        assertEquals(42, v.tid());
        assertEquals(3, v.eventType());
        assertEquals(307, v.scapType());
        assertEquals(ProjectionFormat.DIR_EXIT, v.direction());
        assertEquals(9, v.valueCount());
        long p = v.firstValue();
        assertEquals(ProjectionFormat.TAG_ABSENT, v.valueTag(p));
        p = v.nextValue(p);
        assertEquals(-5, v.int64At(v.valuePayload(p)));
        p = v.nextValue(p);
        assertEquals(ProjectionFormat.TAG_UINT64, v.valueTag(p));
        assertEquals(-1L, v.int64At(v.valuePayload(p)));
        p = v.nextValue(p);
        assertTrue(v.boolAt(v.valuePayload(p)));
        long name = v.find(14, TWO);
        assertEquals("bash", v.textAt(v.valuePayload(name)));
        assertEquals(-1, v.find(14, null), "the argument is part of a value's identity");
        long ip = v.find(15, null);
        assertEquals(4, v.ipLengthAt(v.valuePayload(ip)));
        assertEquals(16, v.ipLengthAt(v.valuePayload(v.find(16, null))));
        long list = v.valuePayload(v.find(17, null));
        assertEquals(2, v.listCountAt(list));
        long item = v.listFirstItem(list);
        assertEquals("a", v.textAt(item + 1));
        item = v.listNextItem(item);
        assertEquals(3, v.int64At(item + 1));
        assertEquals("x-120", v.textAt(v.valuePayload(v.find(18, null))));
    }

    @Test
    void rejectsTruncatedAndCorruptRecords() {
        ProjectionEncoder e = sample();
        ProjectedEventView v = new ProjectedEventView().wrap(e.segment(), 0);
        assertNotNull(v.validate(e.size() - 1), "length beyond the available bytes");
        assertNotNull(v.validate(10), "header cut short");
        byte[] copy = java.util.Arrays.copyOf(e.array(), e.size());
        copy[4] = 9;
        assertTrue(new ProjectedEventView().wrap(java.lang.foreign.MemorySegment.ofArray(copy), 0)
                .validate(copy.length).contains("version"));
        byte[] badTag = java.util.Arrays.copyOf(e.array(), e.size());
        badTag[ProjectionFormat.HEADER_SIZE + 3] = 99; // first value's tag
        assertNotNull(new ProjectedEventView().wrap(java.lang.foreign.MemorySegment.ofArray(badTag), 0)
                .validate(badTag.length));
        byte[] badCount = java.util.Arrays.copyOf(e.array(), e.size());
        badCount[10] = 8; // claims 8 values, holds 9
        assertNotNull(new ProjectedEventView().wrap(java.lang.foreign.MemorySegment.ofArray(badCount), 0)
                .validate(badCount.length));
    }

    @Test
    void encoderRefusesMisuse() {
        ProjectionEncoder e = new ProjectionEncoder(16);
        assertThrows(IllegalStateException.class, e::end);
        e.begin(1, 1, 1, 1, 1, 0);
        assertThrows(IllegalStateException.class, () -> e.begin(1, 1, 1, 1, 1, 0));
        e.field(1, null);
        e.beginList();
        assertThrows(IllegalStateException.class, e::beginList);
        e.endList();
        e.field(2, new byte[0]);
        assertThrows(IllegalArgumentException.class, () -> e.field(3, new byte[300]));
        e.absent();
        e.end();
        assertEquals(1, e.records());
        e.begin(2, 2, 2, 2, 2, 0);
        e.cancel();
        assertEquals(1, e.records());
        assertNull(new ProjectedEventView().wrap(e.segment(), 0).validate(e.size()));
    }
}
