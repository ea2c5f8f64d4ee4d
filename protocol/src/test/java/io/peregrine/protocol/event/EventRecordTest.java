package io.peregrine.protocol.event;

import io.peregrine.protocol.scap.EventCodes;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventRecordTest {

    @Test
    void builtRecordHasTheScapLayout() {
        EventRecordBuilder b = new EventRecordBuilder(16);
        int len = b.begin(1_700_000_000_000_000_001L, 4242, EventCodes.PPME_SYSCALL_OPENAT_2_X, 7)
                .addI64(5).addI64(-100).addString("/etc/passwd").addU32(0x41).addU32(0644).addU32(0x801).addI64(77)
                .finish();
        // header 26 + 7 u16 lengths + 8+8+12+4+4+4+8
        assertEquals(26 + 14 + 48, len);
        byte[] a = b.array();
        assertEquals(len, a[16] & 0xff);
        assertEquals(EventCodes.PPME_SYSCALL_OPENAT_2_X, (a[20] & 0xff) | (a[21] & 0xff) << 8);

        // wrap at an offset inside a larger segment, as ring and file readers do
        MemorySegment big = MemorySegment.ofArray(new byte[len + 100]);
        MemorySegment.copy(b.segment(), 0, big, 37, len);
        EventRecord r = new EventRecord().wrap(big, 37);
        assertNull(r.validate(len));
        assertEquals(1_700_000_000_000_000_001L, r.ts());
        assertEquals(4242, r.tid());
        assertEquals(len, r.len());
        assertEquals(7, r.nparams());
        assertEquals(EventDirection.EXIT, r.direction());
        assertEquals("openat", r.eventType().name());
        assertEquals(5, r.i64(0));
        assertEquals(-100, r.i64(1));
        assertEquals("/etc/passwd", r.string(2));
        assertEquals(11, r.stringLen(2));
        assertTrue(r.stringEquals(2, "/etc/passwd".getBytes(StandardCharsets.UTF_8)));
        assertFalse(r.stringEquals(2, "/etc/passwe".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0x41, r.u32(3));
        assertEquals(0644, r.u32(4));
        assertEquals(77, r.number(6));
        assertEquals(37 + 26 + 14 + 8 + 8 + 12, r.paramOffset(3));
    }

    @Test
    void validateRejectsInconsistentRecords() {
        EventRecordBuilder b = new EventRecordBuilder();
        int len = b.begin(1, 2, EventCodes.PPME_SYSCALL_CLOSE_E, 1).addI64(3).finish();
        EventRecord r = new EventRecord().wrap(b.segment(), 0);
        assertNull(r.validate(len));
        assertNotNull(r.validate(len - 1), "record longer than the bytes available");
        assertNotNull(r.validate(10), "header cut");
        b.segment().set(EventRecord.I16, 26, (short) 9);
        assertNotNull(r.wrap(b.segment(), 0).validate(len), "parameter overruns the record");
        b.segment().set(EventRecord.I32, 22, 1000);
        assertNotNull(r.wrap(b.segment(), 0).validate(len), "absurd nparams");
    }

    @Test
    void builderEnforcesTheDeclaredParameterCount() {
        EventRecordBuilder b = new EventRecordBuilder();
        b.begin(1, 2, EventCodes.PPME_SYSCALL_CLOSE_E, 1);
        assertThrows(IllegalStateException.class, b::finish);
        b.addI64(3);
        assertThrows(IllegalStateException.class, () -> b.addI64(4));
    }

    @Test
    void largePayloadTypesUseWideLengths() {
        EventRecordBuilder b = new EventRecordBuilder();
        byte[] json = new byte[70_000];
        int len = b.begin(1, 2, EventCodes.PPME_CONTAINER_JSON_2_E, 1).addBytes(json).finish();
        EventRecord r = new EventRecord().wrap(b.segment(), 0);
        assertEquals(4, r.paramLenSize());
        assertNull(r.validate(len));
        assertEquals(70_000, r.paramLen(0));
        assertThrows(IllegalArgumentException.class,
                () -> new EventRecordBuilder().begin(1, 2, EventCodes.PPME_SYSCALL_CLOSE_E, 1).addBytes(json));
    }
}
