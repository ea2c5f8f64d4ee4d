package io.peregrine.protocol.projection;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Context blocks shared between the records of a frame: encoder and reader. */
class ProjectionContextTest {

    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final byte[] TWO = "2".getBytes(StandardCharsets.US_ASCII);

    // Field ids used here: 100.. context, 200.. event.
    private static void record(ProjectionEncoder e, long num, long tid, String comm, long uid, String path) {
        e.begin(num, 1_000 + num, tid, 3, 307, ProjectionFormat.DIR_EXIT);
        e.field(100, null);
        e.bytes(comm.getBytes(StandardCharsets.UTF_8));
        e.field(101, null);
        e.uint64(uid);
        e.field(102, TWO);
        e.beginList();
        e.bytes("sh".getBytes(StandardCharsets.UTF_8));
        e.int64(tid);
        e.endList();
        e.field(103, null);
        e.absent();
        e.endContext();
        e.field(200, null);
        e.bytes(path.getBytes(StandardCharsets.UTF_8));
        e.field(201, null);
        e.int64(num);
        e.end();
    }

    /** What a reader sees of the record at {@code at}, in value order, after validating it. */
    private static Map<String, String> read(ProjectedEventView v) {
        Map<String, String> m = new LinkedHashMap<>();
        long p = v.firstValue();
        for (int i = 0; i < v.valueCount(); i++) {
            String key = v.valueFieldId(p) + (v.valueArgLength(p) > 0 ? "[2]" : "");
            m.put(key, text(v, v.valuePayload(p) - 1));
            p = v.nextValue(p);
        }
        return m;
    }

    private static String text(ProjectedEventView v, long tagAt) {
        int tag = v.segment().get(ValueLayout.JAVA_BYTE, tagAt);
        long p = tagAt + 1;
        return switch (tag) {
            case ProjectionFormat.TAG_ABSENT -> "<NA>";
            case ProjectionFormat.TAG_INT64, ProjectionFormat.TAG_UINT64 -> Long.toString(v.int64At(p));
            case ProjectionFormat.TAG_BYTES -> v.textAt(p);
            case ProjectionFormat.TAG_LIST -> {
                StringBuilder b = new StringBuilder("(");
                long it = v.listFirstItem(p);
                for (int i = 0; i < v.listCountAt(p); i++) {
                    b.append(i > 0 ? "," : "").append(text(v, it));
                    it = v.listNextItem(it);
                }
                yield b.append(')').toString();
            }
            default -> "tag" + tag;
        };
    }

    private static Map<String, String> expected(long num, long tid, String comm, long uid, String path) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("100", comm);
        m.put("101", Long.toString(uid));
        m.put("102[2]", "(sh," + tid + ")");
        m.put("103", "<NA>");
        m.put("200", path);
        m.put("201", Long.toString(num));
        return m;
    }

    /** Validates every record of a frame in order; returns them read, or fails with the first error. */
    private static List<Map<String, String>> readFrame(MemorySegment seg, long start, long end, ProjectedEventView v) {
        List<Map<String, String>> out = new ArrayList<>();
        v.beginFrame(seg, start);
        for (long at = start; at < end; at += v.length()) {
            v.wrap(seg, at);
            assertNull(v.validate(end - at), "record at " + at);
            out.add(read(v));
        }
        return out;
    }

    @Test
    void aRepeatedContextIsSentOnceAndReadBackInEveryRecord() {
        ProjectionEncoder e = new ProjectionEncoder(64);
        record(e, 1, 42, "bash", 0, "/etc/passwd");
        int first = e.size();
        record(e, 2, 42, "bash", 0, "/etc/shadow");
        int second = e.size() - first;
        assertTrue(second < first - 20, "the second record refers to the first one's context: " + second + " < " + first);
        ProjectedEventView v = new ProjectedEventView();
        List<Map<String, String>> rs = readFrame(e.segment(), 0, e.size(), v);
        assertEquals(List.of(expected(1, 42, "bash", 0, "/etc/passwd"), expected(2, 42, "bash", 0, "/etc/shadow")), rs);
        v.wrap(e.segment(), first);
        assertTrue(v.refersToContext());
        assertEquals(0, v.contextRecord());
        assertEquals(4, v.contextValueCount());
        assertEquals(2, v.eventValueCount());
        assertEquals("bash", v.textAt(v.valuePayload(v.find(100, null))), "context value found through the reference");
        assertEquals("/etc/shadow", v.textAt(v.valuePayload(v.find(200, null))));
        assertEquals(-1, v.find(102, null), "argument still part of the identity");
        assertEquals(-1, v.find(999, null));
        v.wrap(e.segment(), 0);
        assertFalse(v.refersToContext());
    }

    @Test
    void manyThreadsInterleavedEachShareTheirOwnContext() {
        ProjectionEncoder e = new ProjectionEncoder(256);
        Random r = new Random(7);
        List<Map<String, String>> want = new ArrayList<>();
        int threads = 40;
        for (int n = 1; n <= 2_000; n++) {
            long tid = 1000 + r.nextInt(threads);
            String comm = "proc" + (tid % 13); // several threads share a comm, not a tid
            record(e, n, tid, comm, tid % 3, "/f/" + n);
            want.add(expected(n, tid, comm, tid % 3, "/f/" + n));
        }
        ProjectedEventView v = new ProjectedEventView();
        assertEquals(want, readFrame(e.segment(), 0, e.size(), v));
        int own = 0;
        for (long at = 0; at < e.size(); at += v.length()) {
            v.wrap(e.segment(), at);
            own += v.refersToContext() ? 0 : 1;
        }
        assertEquals(threads, own, "one context block per thread");
        assertEquals(1, e.blocks());
        assertEquals(2_000, e.blockRecords(0));
    }

    @Test
    void aContextThatChangesMidFrameIsSentAgainAndLaterRecordsShareTheNewOne() {
        ProjectionEncoder e = new ProjectionEncoder(256);
        record(e, 1, 42, "bash", 0, "/a");
        record(e, 2, 42, "bash", 0, "/b");
        record(e, 3, 42, "curl", 0, "/c"); // execve: same tid, new process
        record(e, 4, 42, "curl", 0, "/d");
        record(e, 5, 42, "curl", 1000, "/e"); // setuid
        ProjectedEventView v = new ProjectedEventView();
        assertEquals(List.of(expected(1, 42, "bash", 0, "/a"), expected(2, 42, "bash", 0, "/b"),
                        expected(3, 42, "curl", 0, "/c"), expected(4, 42, "curl", 0, "/d"),
                        expected(5, 42, "curl", 1000, "/e")),
                readFrame(e.segment(), 0, e.size(), v));
        List<Boolean> refers = new ArrayList<>();
        List<Long> to = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (long at = 0; at < e.size(); at += v.length()) {
            v.wrap(e.segment(), at);
            starts.add(at);
            refers.add(v.refersToContext());
            to.add(v.contextRecord());
        }
        assertEquals(List.of(false, true, false, true, false), refers);
        assertEquals(starts.get(2), to.get(3), "the record after the change shares the new context");
    }

    @Test
    void eachBlockIsAFrameOfItsOwn() {
        ProjectionEncoder e = new ProjectionEncoder(256, 1_000);
        List<Map<String, String>> want = new ArrayList<>();
        for (int n = 1; n <= 200; n++) {
            long tid = 7 + n % 3;
            record(e, n, tid, "worker", 33, "/var/log/" + n);
            want.add(expected(n, tid, "worker", 33, "/var/log/" + n));
        }
        assertTrue(e.blocks() > 5, "blocks: " + e.blocks());
        List<Map<String, String>> got = new ArrayList<>();
        int records = 0;
        for (int b = 0; b < e.blocks(); b++) {
            assertTrue(e.blockSize(b) <= 1_000, "block " + b + " within the limit");
            // A frame is the block alone, copied behind some header bytes: nothing may reach outside it.
            byte[] frame = new byte[17 + e.blockSize(b)];
            System.arraycopy(e.array(), e.blockStart(b), frame, 17, e.blockSize(b));
            MemorySegment seg = MemorySegment.ofArray(frame);
            List<Map<String, String>> rs = readFrame(seg, 17, frame.length, new ProjectedEventView());
            assertEquals(e.blockRecords(b), rs.size());
            ProjectedEventView v = new ProjectedEventView().wrap(seg, 17);
            assertFalse(v.refersToContext(), "a block's first record carries its context");
            got.addAll(rs);
            records += rs.size();
        }
        assertEquals(200, records);
        assertEquals(200, e.records());
        assertEquals(want, got);
        assertEquals(e.size(), e.blockStart(e.blocks() - 1) + e.blockSize(e.blocks() - 1));
    }

    @Test
    void clearingStartsAFreshFrame() {
        ProjectionEncoder e = new ProjectionEncoder(256);
        record(e, 1, 42, "bash", 0, "/a");
        e.clear();
        record(e, 2, 42, "bash", 0, "/b");
        ProjectedEventView v = new ProjectedEventView().wrap(e.segment(), 0);
        assertNull(v.validate(e.size()));
        assertFalse(v.refersToContext(), "no reference into a cleared buffer");
        assertEquals(expected(2, 42, "bash", 0, "/b"), read(v));
    }

    @Test
    void recordsWithoutContextAndCancelledRecordsAreNotShared() {
        ProjectionEncoder e = new ProjectionEncoder(256);
        e.begin(1, 1, 42, 3, 307, 1);
        e.field(200, null);
        e.int64(5);
        e.end(); // no endContext: event values only
        e.begin(2, 2, 42, 3, 307, 1);
        e.field(100, null);
        e.bytes("bash".getBytes(StandardCharsets.UTF_8));
        e.endContext();
        e.cancel();
        record(e, 3, 42, "bash", 0, "/x");
        ProjectedEventView v = new ProjectedEventView();
        List<Map<String, String>> rs = readFrame(e.segment(), 0, e.size(), v);
        assertEquals(Map.of("200", "5"), rs.get(0));
        assertEquals(expected(3, 42, "bash", 0, "/x"), rs.get(1));
        v.wrap(e.segment(), 0);
        assertEquals(0, v.contextValueCount());
        assertEquals(1, v.valueCount());
    }

    // Malformed input: a corrupt copy of a two-record frame, the second record referring to the first.

    private static byte[] twoRecords() {
        ProjectionEncoder e = new ProjectionEncoder(64);
        record(e, 1, 42, "bash", 0, "/a");
        record(e, 2, 42, "bash", 0, "/b");
        return Arrays.copyOf(e.array(), e.size());
    }

    private static int secondRecord(byte[] f) {
        return MemorySegment.ofArray(f).get(I32, 0);
    }

    /** The error for the second record of {@code f}, validated in order after the first. */
    private static String secondError(byte[] f) {
        MemorySegment seg = MemorySegment.ofArray(f);
        ProjectedEventView v = new ProjectedEventView().beginFrame(seg, 0).wrap(seg, 0);
        String first = v.validate(f.length);
        if (first != null) {
            return "first: " + first;
        }
        int at = secondRecord(f);
        return v.wrap(seg, at).validate(f.length - at);
    }

    private static void setRef(byte[] f, int record, int ref) {
        MemorySegment.ofArray(f).set(I32, record + ProjectionFormat.OFF_CTX_REF, ref);
    }

    @Test
    void referencesOutsideTheFrameForwardOrToNonContextsAreRejected() {
        byte[] ok = twoRecords();
        assertNull(secondError(ok));
        int at = secondRecord(ok);

        byte[] before = ok.clone();
        setRef(before, at, at + 8);
        assertTrue(secondError(before).contains("context reference"), "before the frame");

        byte[] huge = ok.clone();
        setRef(huge, at, 0xFFFF_FFF0); // unsigned: far before the frame, never wraps forward
        assertTrue(secondError(huge).contains("context reference"));

        byte[] inside = ok.clone();
        setRef(inside, at, at - ProjectionFormat.HEADER_SIZE); // into the first record's values
        assertTrue(secondError(inside).contains("context reference"), "not a record start");

        byte[] self = ok.clone();
        setRef(self, 0, 1); // the first record refers 1 byte back: before the frame start
        assertTrue(secondError(self).startsWith("first:"));

        // Only records validated before, in this frame, count: a view that never saw the first
        // record refuses the second.
        MemorySegment seg = MemorySegment.ofArray(ok);
        ProjectedEventView fresh = new ProjectedEventView().beginFrame(seg, 0);
        assertNotNull(fresh.wrap(seg, at).validate(ok.length - at));
        // ...and a new frame in the same segment forgets the old one's blocks.
        ProjectedEventView again = new ProjectedEventView().beginFrame(seg, 0).wrap(seg, 0);
        assertNull(again.validate(ok.length));
        again.beginFrame(seg, at);
        assertNotNull(again.wrap(seg, at).validate(ok.length - at));
    }

    @Test
    void aReferenceToARecordWithoutItsOwnContextIsRejected() {
        ProjectionEncoder e = new ProjectionEncoder(64);
        record(e, 1, 42, "bash", 0, "/a");
        record(e, 2, 42, "bash", 0, "/b");
        record(e, 3, 42, "bash", 0, "/c");
        byte[] f = Arrays.copyOf(e.array(), e.size());
        MemorySegment seg = MemorySegment.ofArray(f);
        int second = seg.get(I32, 0);
        int third = second + seg.get(I32, second);
        setRef(f, third, third - second); // to the second record, which itself refers
        ProjectedEventView v = new ProjectedEventView().beginFrame(seg, 0);
        assertNull(v.wrap(seg, 0).validate(f.length));
        assertNull(v.wrap(seg, second).validate(f.length - second));
        assertTrue(v.wrap(seg, third).validate(f.length - third).contains("context reference"));
    }

    @Test
    void inconsistentContextHeadersAreRejected() {
        byte[] ok = twoRecords();
        int at = secondRecord(ok);

        byte[] both = ok.clone();
        MemorySegment.ofArray(both).set(I16, at + ProjectionFormat.OFF_NCTX, (short) 4);
        assertTrue(secondError(both).contains("carries one too"));

        byte[] overrun = ok.clone();
        MemorySegment.ofArray(overrun).set(I32, ProjectionFormat.OFF_CTX_LEN, 1 << 20);
        assertTrue(secondError(overrun).contains("overruns"));

        byte[] count = ok.clone();
        MemorySegment.ofArray(count).set(I16, ProjectionFormat.OFF_NCTX, (short) 3);
        assertNotNull(secondError(count), "3 values do not fill the context block");

        byte[] empty = ok.clone();
        MemorySegment.ofArray(empty).set(I16, ProjectionFormat.OFF_NCTX, (short) 0);
        assertNotNull(secondError(empty), "values in a block that claims none");

        byte[] shorter = ok.clone();
        MemorySegment s = MemorySegment.ofArray(shorter);
        s.set(I32, ProjectionFormat.OFF_CTX_LEN, s.get(I32, ProjectionFormat.OFF_CTX_LEN) - 1);
        assertNotNull(secondError(shorter), "context length cuts a value");
    }
}
