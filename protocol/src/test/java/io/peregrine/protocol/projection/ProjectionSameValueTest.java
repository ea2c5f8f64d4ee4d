package io.peregrine.protocol.projection;

import org.junit.jupiter.api.Test;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.peregrine.protocol.projection.ProjectionFormat.*;
import static org.junit.jupiter.api.Assertions.*;

/** SAME values: a BYTES value repeated within a record is sent once and read back transparently. */
class ProjectionSameValueTest {

    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final byte[] NAME = "name".getBytes(StandardCharsets.US_ASCII);
    private static final String PATH = "/var/lib/kubelet/pods/0c9e/volumes/kubernetes.io~secret/token";
    private static final String EXE = "/usr/local/bin/app-server";

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // Field ids: 100.. thread context (100 proc.exepath, 101 proc.exe, 102 proc.name, 103 uid),
    // 200.. event values (200 fd.name, 201 fd.nameraw, 202 evt.arg[name], 203 fs.path.name,
    // 204 fd.filename, 205 evt.num, 206 a value equal to the context's exe path).
    private static void openat(ProjectionEncoder e, long num, long tid, String exe, String path) {
        e.begin(num, 1_000 + num, tid, 3, 307, DIR_EXIT);
        e.field(100, null);
        e.bytes(b(exe));
        e.field(101, null);
        e.bytes(b(exe));
        e.field(102, null);
        e.bytes(b(exe.substring(exe.lastIndexOf('/') + 1)));
        e.field(103, null);
        e.uint64(1000);
        e.endContext();
        e.field(200, null);
        e.bytes(b(path));
        e.field(201, null);
        int at = e.beginBytes(); // composed text, as the projector writes fd.nameraw
        e.append(b(path), 0, path.length());
        e.endBytes(at);
        e.field(202, NAME);
        e.bytes(b(path));
        e.field(203, null);
        e.bytes(java.lang.foreign.MemorySegment.ofArray(b(path)), 0, path.length());
        e.field(204, null);
        e.bytes(b(path.substring(path.lastIndexOf('/') + 1)));
        e.field(205, null);
        e.int64(num);
        e.field(206, null);
        e.bytes(b(exe));
        e.end();
    }

    private static ProjectedEventView validated(ProjectionEncoder e, int block) {
        ProjectedEventView v = new ProjectedEventView();
        long start = e.blockStart(block);
        long end = start + e.blockSize(block);
        v.beginFrame(e.segment(), start);
        for (long at = start; at < end; at += v.length()) {
            v.wrap(e.segment(), at);
            assertNull(v.validate(end - at));
        }
        return v;
    }

    private static String text(ProjectedEventView v, int field, byte[] arg) {
        long at = v.find(field, arg);
        assertTrue(at >= 0, "field " + field);
        assertEquals(TAG_BYTES, v.valueTag(at), "field " + field + " reads as BYTES");
        return v.textAt(v.valuePayload(at));
    }

    /** Offset of the value of {@code field}'s header, walking every value as a reader does. */
    private static long walk(ProjectedEventView v, int field) {
        long p = v.firstValue();
        for (int i = 0; i < v.valueCount(); i++) {
            if (v.valueFieldId(p) == field) {
                return p;
            }
            p = v.nextValue(p);
        }
        return -1;
    }

    private static byte rawTag(ProjectedEventView v, long value) {
        return v.segment().get(ValueLayout.JAVA_BYTE, value + 3 + v.valueArgLength(value));
    }

    @Test
    void repeatedPathIsSentOnceAndReadThroughEverywhere() {
        ProjectionEncoder e = new ProjectionEncoder(1024);
        openat(e, 1, 42, EXE, PATH);
        ProjectedEventView v = validated(e, 0);
        v.wrap(e.segment(), 0);

        for (int f : new int[] {200, 201, 203}) {
            assertEquals(PATH, text(v, f, null));
        }
        assertEquals(PATH, text(v, 202, NAME));
        assertEquals("token", text(v, 204, null));
        assertEquals(EXE, text(v, 100, null));
        assertEquals(EXE, text(v, 101, null));
        assertEquals("app-server", text(v, 102, null));
        assertEquals(EXE, text(v, 206, null));
        assertEquals(1, v.int64At(v.valuePayload(v.find(205, null))));
        assertEquals(1000, v.int64At(v.valuePayload(v.find(103, null))));

        // The first occurrence is written, every repeat is a 3-byte reference to it.
        assertFalse(v.valueIsReference(v.find(200, null)));
        assertFalse(v.valueIsReference(v.find(100, null)));
        for (int f : new int[] {201, 203, 206, 101}) {
            assertTrue(v.valueIsReference(v.find(f, null)), "field " + f);
            assertEquals(TAG_SAME, rawTag(v, v.find(f, null)));
        }
        assertTrue(v.valueIsReference(v.find(202, NAME)));
        // Walking the values in order (nextValue) reaches the same values as find.
        assertEquals(v.find(203, null), walk(v, 203));
        assertEquals(v.find(205, null), walk(v, 205));
        assertEquals(11, v.valueCount());

        int full = PATH.length() + 5;
        int expected = HEADER_SIZE
                + (3 + EXE.length() + 5) + (3 + 3) + (3 + "app-server".length() + 5) + (3 + 9) // context
                + (3 + full) + (3 + 3) + (3 + 4 + 3) + (3 + 3) + (3 + "token".length() + 5) + (3 + 9) + (3 + 3);
        assertEquals(expected, v.length());
    }

    @Test
    void sharedContextBlockWithInnerReferenceReadsTheSameInEveryRecord() {
        ProjectionEncoder e = new ProjectionEncoder(1024);
        openat(e, 1, 42, EXE, PATH);
        openat(e, 2, 42, EXE, "/etc/passwd");
        assertEquals(1, e.blocks());
        ProjectedEventView v = validated(e, 0);

        v.wrap(e.segment(), 0);
        int first = v.length();
        v.wrap(e.segment(), first);
        assertTrue(v.refersToContext(), "the second record shares the first one's block");
        assertEquals(EXE, text(v, 100, null));
        assertEquals(EXE, text(v, 101, null), "through the shared block's own reference");
        assertTrue(v.valueIsReference(v.find(101, null)));
        assertEquals("/etc/passwd", text(v, 201, null));
        assertEquals("/etc/passwd", text(v, 202, NAME));
        assertEquals("passwd", text(v, 204, null));
        // The exe path equals a value of a block this record only refers to: written in full.
        assertEquals(EXE, text(v, 206, null));
        assertFalse(v.valueIsReference(v.find(206, null)));
    }

    @Test
    void recordOpeningANewFrameGetsTheBlockWithItsReferencesCopiedIn() {
        ProjectionEncoder e = new ProjectionEncoder(1024, 700);
        for (int i = 0; i < 6; i++) {
            openat(e, i + 1, 42, EXE, PATH + i);
        }
        assertTrue(e.blocks() > 1);
        for (int blk = 0; blk < e.blocks(); blk++) {
            ProjectedEventView v = validated(e, blk);
            long start = e.blockStart(blk);
            long end = start + e.blockSize(blk);
            for (long at = start; at < end; at += v.length()) {
                v.wrap(e.segment(), at);
                assertEquals(at == start, !v.refersToContext());
                assertEquals(EXE, text(v, 101, null));
                assertEquals(text(v, 200, null), text(v, 203, null));
                assertEquals(EXE, text(v, 206, null));
            }
        }
    }

    @Test
    void onlyWholeEqualValuesOfTheRecordAreShared() {
        ProjectionEncoder e = new ProjectionEncoder(256);
        e.begin(1, 1, 7, 3, 307, DIR_EXIT);
        e.endContext();
        e.field(200, null);
        e.bytes(b("/tmp/a"));
        e.field(201, null);
        e.bytes(b("/tmp/b")); // same length, other bytes
        e.field(202, null);
        e.bytes(b("/tmp/a/b")); // the first value is a prefix only
        e.field(203, null);
        e.beginList();
        e.bytes(b("/tmp/a")); // list items are written in full and never referred to
        e.bytes(b("/tmp/c"));
        e.endList();
        e.field(204, null);
        e.bytes(b("/tmp/c"));
        e.field(205, null);
        e.bytes(new byte[0]);
        e.field(206, null);
        e.bytes(new byte[0]);
        e.field(207, null);
        e.bytes(b("/aa/x-a"));
        e.field(208, null);
        e.bytes(b("/bb/x-a")); // same length, middle and last byte: only the bytes tell them apart
        e.end();
        // A record of its own: the table of earlier values does not outlive a record.
        e.begin(2, 2, 7, 3, 307, DIR_EXIT);
        e.endContext();
        e.field(200, null);
        e.bytes(b("/tmp/a"));
        e.end();

        ProjectedEventView v = validated(e, 0);
        v.wrap(e.segment(), 0);
        for (int f = 200; f <= 205; f++) {
            assertFalse(v.valueIsReference(v.find(f, null)), "field " + f);
        }
        assertTrue(v.valueIsReference(v.find(206, null)));
        assertEquals("", text(v, 206, null));
        assertFalse(v.valueIsReference(v.find(208, null)));
        assertEquals("/aa/x-a", text(v, 207, null));
        assertEquals("/bb/x-a", text(v, 208, null));
        long list = v.valuePayload(v.find(203, null));
        assertEquals(TAG_LIST, v.valueTag(v.find(203, null)));
        long item = v.listFirstItem(list);
        assertEquals(TAG_BYTES, v.segment().get(ValueLayout.JAVA_BYTE, item));
        assertEquals("/tmp/a", v.textAt(item + 1));
        v.wrap(e.segment(), v.length());
        assertFalse(v.valueIsReference(v.find(200, null)));
        assertEquals("/tmp/a", text(v, 200, null));
    }

    @Test
    void aRepeatBeyondTheReachOfU16IsWrittenInFull() {
        ProjectionEncoder e = new ProjectionEncoder(256);
        byte[] big = new byte[70_000];
        Arrays.fill(big, (byte) 'x');
        e.begin(1, 1, 7, 3, 307, DIR_EXIT);
        e.endContext();
        e.field(200, null);
        e.bytes(b("/a"));
        e.field(201, null);
        e.bytes(big);
        e.field(202, null);
        e.bytes(b("/a"));
        e.field(203, null);
        e.bytes(big);
        e.end();
        ProjectedEventView v = validated(e, 0);
        v.wrap(e.segment(), 0);
        assertFalse(v.valueIsReference(v.find(202, null)));
        assertFalse(v.valueIsReference(v.find(203, null)), "70,005 bytes back is out of reach too");
        assertEquals(70_000, v.bytesLengthAt(v.valuePayload(v.find(203, null))));
        assertEquals("/a", text(v, 202, null));
    }

    // ---- malformed references: each one makes validate say why, never throw ----

    /** Two openat records of one thread (the second shares the first one's context block). */
    private static ProjectionEncoder twoRecords() {
        ProjectionEncoder e = new ProjectionEncoder(1024);
        openat(e, 1, 42, EXE, PATH);
        openat(e, 2, 42, EXE, PATH);
        return e;
    }

    private static long tagOf(ProjectedEventView v, long value) {
        return value + 3 + v.valueArgLength(value);
    }

    /** Points the SAME of {@code field} in the record at {@code record} at {@code target}, validates the frame. */
    private static String retarget(ProjectionEncoder e, long record, int field, long target) {
        ProjectedEventView v = new ProjectedEventView().wrap(e.segment(), record);
        long tag = tagOf(v, v.find(field, null));
        assertEquals(TAG_SAME, e.segment().get(ValueLayout.JAVA_BYTE, tag));
        e.segment().set(I16, tag + 1, (short) (tag - target));
        String bad = validateAll(e);
        assertNotNull(bad, "reference " + (tag - target) + " back accepted");
        assertTrue(bad.startsWith("SAME value of field " + field), bad);
        return bad;
    }

    private static String validateAll(ProjectionEncoder e) {
        ProjectedEventView v = new ProjectedEventView();
        v.beginFrame(e.segment(), 0);
        for (long at = 0; at < e.size(); at += v.length()) {
            v.wrap(e.segment(), at);
            String bad = v.validate(e.size() - at);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private static long second(ProjectionEncoder e) {
        return new ProjectedEventView().wrap(e.segment(), 0).length();
    }

    @Test
    void referenceIntoAContextBlockTheRecordOnlyRefersToIsRejected() {
        ProjectionEncoder e = twoRecords();
        ProjectedEventView first = new ProjectedEventView().wrap(e.segment(), 0);
        long exe = tagOf(first, first.find(100, null)); // a BYTES value of the shared block
        String bad = retarget(e, second(e), 201, exe);
        assertNotNull(bad);
        assertTrue(bad.contains("SAME"), bad);
    }

    @Test
    void referenceIntoAnEarlierRecordIsRejected() {
        ProjectionEncoder e = twoRecords();
        ProjectedEventView first = new ProjectedEventView().wrap(e.segment(), 0);
        long path = tagOf(first, first.find(200, null));
        assertNotNull(retarget(e, second(e), 201, path));
    }

    @Test
    void contextValueReferringOutsideItsBlockIsRejected() {
        ProjectionEncoder e = twoRecords();
        // The first record's proc.exe (context) pointed at its own header: not a value.
        assertNotNull(retarget(e, 0, 101, 0));
    }

    @Test
    void referenceToItselfOrForwardIsRejected() {
        ProjectionEncoder e = twoRecords();
        ProjectedEventView v = new ProjectedEventView().wrap(e.segment(), 0);
        long tag = tagOf(v, v.find(201, null));
        assertNotNull(retarget(e, 0, 201, tag)); // distance 0: itself
        // A distance is unsigned and counts backwards, so the only way forward is a wrap past
        // the record start: 0xFFFF back lands before the frame.
        e = twoRecords();
        assertNotNull(retarget(e, 0, 201, tag - 0xFFFF));
    }

    @Test
    void referenceIntoTheMiddleOfAValueIsRejected() {
        ProjectionEncoder e = twoRecords();
        ProjectedEventView v = new ProjectedEventView().wrap(e.segment(), 0);
        long value = v.find(200, null);
        long tag = tagOf(v, value);
        assertNotNull(retarget(e, 0, 201, tag + 1)); // into the payload: its length
        e = twoRecords();
        assertNotNull(retarget(e, 0, 201, value)); // the value's field id, not its tag
        e = twoRecords();
        assertNotNull(retarget(e, 0, 201, tag + 5 + 3)); // inside the path's bytes
    }

    @Test
    void referenceToAnotherReferenceIsRejected() {
        ProjectionEncoder e = twoRecords();
        ProjectedEventView v = new ProjectedEventView().wrap(e.segment(), 0);
        long sameNameraw = tagOf(v, v.find(201, null));
        String bad = retarget(e, 0, 203, sameNameraw);
        assertNotNull(bad);
        assertTrue(bad.contains("SAME"), bad);
    }

    @Test
    void referenceAsAListItemOrCutShortIsRejected() {
        ProjectionEncoder e = new ProjectionEncoder(256);
        e.begin(1, 1, 7, 3, 307, DIR_EXIT);
        e.endContext();
        e.field(200, null);
        e.bytes(b("/a"));
        e.field(201, null);
        e.beginList();
        e.bytes(b("/b"));
        e.endList();
        e.end();
        assertNull(validateAll(e));
        ProjectedEventView v = new ProjectedEventView().wrap(e.segment(), 0);
        long item = v.listFirstItem(v.valuePayload(v.find(201, null)));
        // The item "/b" rewritten as a SAME to the value "/a": SAME is never a list item.
        e.segment().set(ValueLayout.JAVA_BYTE, item, (byte) TAG_SAME);
        e.segment().set(I16, item + 1, (short) (item - tagOf(v, v.find(200, null))));
        assertNotNull(validateAll(e));

        // A SAME whose distance is cut off by the end of the record.
        ProjectionEncoder c = new ProjectionEncoder(256);
        c.begin(1, 1, 7, 3, 307, DIR_EXIT);
        c.endContext();
        c.field(200, null);
        c.bytes(b("/a"));
        c.field(201, null);
        c.bytes(b("/a"));
        int len = c.end();
        ProjectedEventView w = new ProjectedEventView().wrap(c.segment(), 0);
        assertNull(w.validate(len));
        c.segment().set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0, len - 1);
        assertNotNull(new ProjectedEventView().wrap(c.segment(), 0).validate(len - 1));
    }
}
