package io.peregrine.protocol.projection;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

import static io.peregrine.protocol.projection.ProjectionFormat.*;

/**
 * Writes projected-event records (see {@link ProjectionFormat}) back to back into one reusable,
 * growing buffer. Per record: {@link #begin}, then the thread-context values, {@link #endContext},
 * then the event values, then {@link #end}; a value is {@link #field} followed by exactly one value
 * call (or {@link #beginList}, items, {@link #endList}). A record without {@link #endContext} has
 * only event values. No allocation once the buffers have grown to their working size.
 *
 * <p>Records are grouped in <em>blocks</em> of at most {@code maxBlock} bytes (a single record
 * larger than that is a block of its own); each block becomes one frame. Within a block, a
 * record whose context block is byte-identical to the last one written for the same thread id
 * refers to it instead of repeating it; a block never refers outside itself, so each frame stays
 * self-contained.
 *
 * <p>Within a record, a BYTES value (not a list item) byte-identical to an earlier BYTES value
 * of the same record that it may refer to (see {@link ProjectionFormat#TAG_SAME}) is
 * written, then rewound and replaced by a SAME reference to it: the path an openat repeats as
 * {@code fd.name}, {@code fd.nameraw}, {@code evt.arg.name} and {@code fs.path.name} is sent once.
 */
public final class ProjectionEncoder {

    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private byte[] buf;
    private MemorySegment seg;
    private int pos;
    private int recordStart = -1;
    private int nvalues;
    private int listCountAt = -1;
    private int listCount;
    private int records;

    private final int maxBlock;
    private int[] blockStart = new int[4];
    private int[] blockRecords = new int[4];
    private int blocks;

    // Context of the open record: where its own block starts, its value count, and whether
    // end() should remember it for later records of the same thread.
    private int ctxValues;
    private boolean ctxShared;

    // Last inline context block per thread id in the current block: open addressing, linear
    // probing; entries of an older generation are empty, so a new block costs no clearing.
    private static final int TABLE_SLOTS = 1024;
    private static final int TABLE_MAX = TABLE_SLOTS * 3 / 4;
    private final long[] tableTid = new long[TABLE_SLOTS];
    private final int[] tableRecord = new int[TABLE_SLOTS];
    private final int[] tableGen = new int[TABLE_SLOTS];
    private int generation = 1;
    private int tableUsed;

    // BYTES values of the open record that a later value may refer to (SAME), direct-mapped by a
    // fingerprint (length, middle and last byte: O(1), no pass over the bytes), one probe per
    // value; a slot of an older generation is empty, so a record costs no clearing. A collision
    // only loses a chance to share; a match is confirmed by comparing the bytes.
    private static final int SAME_SLOTS = 32;
    private final int[] sameAt = new int[SAME_SLOTS];
    private final int[] sameKey = new int[SAME_SLOTS];
    private final int[] sameGen = new int[SAME_SLOTS];
    private int sameGeneration = 1;

    /** An encoder whose records all form one block (no size limit). */
    public ProjectionEncoder(int initialCapacity) {
        this(initialCapacity, Integer.MAX_VALUE);
    }

    /** An encoder that starts a new block (frame) before a record that would take a block past {@code maxBlock} bytes. */
    public ProjectionEncoder(int initialCapacity, int maxBlock) {
        if (maxBlock < HEADER_SIZE) {
            throw new IllegalArgumentException("block limit below one record header");
        }
        buf = new byte[Math.max(initialCapacity, 256)];
        seg = MemorySegment.ofArray(buf);
        this.maxBlock = maxBlock;
    }

    /** Starts a record. */
    public void begin(long num, long ts, long tid, int eventType, int scapType, int dir) {
        if (recordStart >= 0) {
            throw new IllegalStateException("record not ended");
        }
        ensure(HEADER_SIZE);
        recordStart = pos;
        seg.set(ValueLayout.JAVA_BYTE, pos + OFF_VERSION, (byte) VERSION);
        seg.set(ValueLayout.JAVA_BYTE, pos + OFF_DIR, (byte) dir);
        seg.set(I16, pos + OFF_TYPE, (short) eventType);
        seg.set(I16, pos + OFF_SCAP_TYPE, (short) scapType);
        seg.set(I64, pos + OFF_NUM, num);
        seg.set(I64, pos + OFF_TS, ts);
        seg.set(I64, pos + OFF_TID, tid);
        seg.set(I32, pos + OFF_CTX_REF, 0);
        seg.set(I16, pos + OFF_NCTX, (short) 0);
        seg.set(I32, pos + OFF_CTX_LEN, 0);
        pos += HEADER_SIZE;
        nvalues = 0;
        ctxValues = 0;
        ctxShared = false;
        forgetValues();
    }

    /**
     * Ends the context values of the open record (the values written since {@link #begin}): when
     * they are byte-identical to the context block last written for this thread in the current
     * block, they are dropped and the record refers to that block instead.
     */
    public void endContext() {
        if (recordStart < 0 || listCountAt >= 0) {
            throw new IllegalStateException("no record open, or a list is open");
        }
        int start = recordStart + HEADER_SIZE;
        int len = pos - start;
        ctxValues = nvalues;
        nvalues = 0;
        if (len == 0) {
            return;
        }
        seg.set(I16, recordStart + OFF_NCTX, (short) ctxValues);
        seg.set(I32, recordStart + OFF_CTX_LEN, len);
        int earlier = lookup(seg.get(I64, recordStart + OFF_TID));
        if (earlier >= 0 && earlier >= currentBlockStart()) {
            int elen = seg.get(I32, earlier + OFF_CTX_LEN);
            int e = earlier + HEADER_SIZE;
            if (elen == len && seg.get(I16, earlier + OFF_NCTX) == (short) ctxValues
                    && Arrays.equals(buf, e, e + elen, buf, start, start + len)) {
                pos = start;
                forgetValues(); // the dropped block's values are no longer there to refer to
                seg.set(I32, recordStart + OFF_CTX_REF, recordStart - earlier);
                seg.set(I16, recordStart + OFF_NCTX, (short) 0);
                seg.set(I32, recordStart + OFF_CTX_LEN, 0);
                return;
            }
        }
        ctxShared = true;
    }

    /** Starts a value: the field id and its argument text (null or empty: none), ASCII. */
    public void field(int fieldId, byte[] arg) {
        int a = arg == null ? 0 : arg.length;
        if (a > 255) {
            throw new IllegalArgumentException("field argument longer than 255 bytes");
        }
        ensure(3 + a);
        seg.set(I16, pos, (short) fieldId);
        buf[pos + 2] = (byte) a;
        if (a > 0) {
            System.arraycopy(arg, 0, buf, pos + 3, a);
        }
        pos += 3 + a;
        nvalues++;
    }

    private void item() {
        if (listCountAt >= 0) {
            listCount++;
        }
    }

    public void absent() {
        ensure(1);
        buf[pos++] = TAG_ABSENT;
        item();
    }

    public void int64(long v) {
        ensure(9);
        buf[pos] = TAG_INT64;
        seg.set(I64, pos + 1, v);
        pos += 9;
        item();
    }

    public void uint64(long v) {
        ensure(9);
        buf[pos] = TAG_UINT64;
        seg.set(I64, pos + 1, v);
        pos += 9;
        item();
    }

    public void bool(boolean v) {
        ensure(2);
        buf[pos] = TAG_BOOL;
        buf[pos + 1] = (byte) (v ? 1 : 0);
        pos += 2;
        item();
    }

    public void bytes(byte[] b, int off, int len) {
        ensure(5 + len);
        int at = pos;
        buf[at] = TAG_BYTES;
        seg.set(I32, at + 1, len);
        System.arraycopy(b, off, buf, at + 5, len);
        pos += 5 + len;
        endBytesValue(at, len);
    }

    public void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    public void bytes(MemorySegment src, long off, int len) {
        ensure(5 + len);
        int at = pos;
        buf[at] = TAG_BYTES;
        seg.set(I32, at + 1, len);
        MemorySegment.copy(src, off, seg, at + 5, len);
        pos += 5 + len;
        endBytesValue(at, len);
    }

    /**
     * The BYTES value whose tag is at {@code at} is complete: when it is a value of a record (not
     * a list item) equal to an earlier BYTES value of that record, it becomes a SAME reference.
     */
    private void endBytesValue(int at, int len) {
        if (listCountAt >= 0) {
            listCount++;
            return;
        }
        if (recordStart < 0) {
            return;
        }
        int key = len == 0 ? 0
                : (len * 0x9E3779B1) ^ (buf[at + 4 + len] * 0x85EBCA6B) ^ (buf[at + 5 + (len >>> 1)] << 8);
        int slot = (key ^ (key >>> 15)) & (SAME_SLOTS - 1);
        if (sameGen[slot] == sameGeneration && sameKey[slot] == key) {
            int e = sameAt[slot];
            if (at - e <= 0xFFFF && seg.get(I32, e + 1) == len
                    && Arrays.equals(buf, e + 5, e + 5 + len, buf, at + 5, at + 5 + len)) {
                buf[at] = TAG_SAME;
                seg.set(I16, at + 1, (short) (at - e));
                pos = at + 3;
                return;
            }
        }
        sameGen[slot] = sameGeneration;
        sameKey[slot] = key;
        sameAt[slot] = at;
    }

    private void forgetValues() {
        if (++sameGeneration == 0) {
            Arrays.fill(sameGen, 0);
            sameGeneration = 1;
        }
    }

    /**
     * Starts a BYTES value whose content the caller appends with {@link #append}; close it with
     * {@link #endBytes}. Lets text be composed (paths, command lines) without a temporary array.
     */
    public int beginBytes() {
        ensure(5);
        buf[pos] = TAG_BYTES;
        int at = pos;
        pos += 5;
        return at;
    }

    public void append(byte b) {
        ensure(1);
        buf[pos++] = b;
    }

    public void append(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    public void append(MemorySegment src, long off, int len) {
        ensure(len);
        MemorySegment.copy(src, off, seg, pos, len);
        pos += len;
    }

    /** Appends the decimal text of {@code v}. */
    public void appendDecimal(long v) {
        ensure(20);
        if (v == 0) {
            buf[pos++] = '0';
            return;
        }
        if (v < 0) {
            buf[pos++] = '-';
            if (v == Long.MIN_VALUE) {
                byte[] m = "9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                append(m, 0, m.length);
                return;
            }
            v = -v;
        }
        int start = pos;
        while (v > 0) {
            buf[pos++] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    /** Bytes appended since {@link #beginBytes} returned {@code at}. */
    public int appendedSince(int at) {
        return pos - at - 5;
    }

    /** Byte at {@code i} of the open BYTES value started at {@code at}. */
    public byte appendedByte(int at, int i) {
        return buf[at + 5 + i];
    }

    /** Drops the last {@code n} appended bytes of the open BYTES value. */
    public void truncate(int n) {
        pos -= n;
    }

    public void endBytes(int at) {
        int len = pos - at - 5;
        seg.set(I32, at + 1, len);
        endBytesValue(at, len);
    }

    /** An IPv4 address given as its 4 bytes in network order, packed big-endian in an int. */
    public void ip4(int addr) {
        ensure(6);
        buf[pos] = TAG_IP;
        buf[pos + 1] = 4;
        buf[pos + 2] = (byte) (addr >>> 24);
        buf[pos + 3] = (byte) (addr >>> 16);
        buf[pos + 4] = (byte) (addr >>> 8);
        buf[pos + 5] = (byte) addr;
        pos += 6;
        item();
    }

    /** An IPv6 address given as two big-endian halves. */
    public void ip6(long hi, long lo) {
        ensure(18);
        buf[pos] = TAG_IP;
        buf[pos + 1] = 16;
        for (int i = 0; i < 8; i++) {
            buf[pos + 2 + i] = (byte) (hi >>> (56 - 8 * i));
            buf[pos + 10 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        pos += 18;
        item();
    }

    public void beginList() {
        if (listCountAt >= 0) {
            throw new IllegalStateException("lists do not nest");
        }
        ensure(3);
        buf[pos] = TAG_LIST;
        listCountAt = pos + 1;
        listCount = 0;
        pos += 3;
    }

    public void endList() {
        seg.set(I16, listCountAt, (short) listCount);
        listCountAt = -1;
    }

    /** Completes the record; returns its length. */
    public int end() {
        if (recordStart < 0) {
            throw new IllegalStateException("no record begun");
        }
        if (listCountAt >= 0) {
            throw new IllegalStateException("list not ended");
        }
        seg.set(I16, recordStart + OFF_NVALUES, (short) nvalues);
        int at = recordStart;
        if (blocks == 0) {
            openBlock(at);
        } else if (at > currentBlockStart() && pos - currentBlockStart() > maxBlock) {
            openBlock(at);
            inlineContext(at);
        }
        int len = pos - at;
        seg.set(I32, at + OFF_LEN, len);
        if (ctxShared) {
            remember(seg.get(I64, at + OFF_TID), at);
        }
        recordStart = -1;
        records++;
        blockRecords[blocks - 1]++;
        return len;
    }

    /** The record at {@code at} opens a new block: a context it refers to must be copied in. */
    private void inlineContext(int at) {
        int back = seg.get(I32, at + OFF_CTX_REF);
        if (back == 0) {
            return;
        }
        int earlier = at - back;
        int clen = seg.get(I32, earlier + OFF_CTX_LEN);
        ensure(clen);
        int values = at + HEADER_SIZE;
        System.arraycopy(buf, values, buf, values + clen, pos - values);
        System.arraycopy(buf, earlier + HEADER_SIZE, buf, values, clen);
        pos += clen;
        seg.set(I32, at + OFF_CTX_REF, 0);
        seg.set(I16, at + OFF_NCTX, seg.get(I16, earlier + OFF_NCTX));
        seg.set(I32, at + OFF_CTX_LEN, clen);
        ctxShared = true;
    }

    private void openBlock(int at) {
        if (blocks == blockStart.length) {
            blockStart = Arrays.copyOf(blockStart, blocks * 2);
            blockRecords = Arrays.copyOf(blockRecords, blocks * 2);
        }
        blockStart[blocks] = at;
        blockRecords[blocks] = 0;
        blocks++;
        newGeneration();
    }

    private int currentBlockStart() {
        return blocks == 0 ? 0 : blockStart[blocks - 1];
    }

    private void newGeneration() {
        tableUsed = 0;
        if (++generation == 0) {
            Arrays.fill(tableGen, 0);
            generation = 1;
        }
    }

    private static int slot(long tid) {
        long h = tid * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 54); // 10 bits: TABLE_SLOTS
    }

    /** The record holding the last context block of {@code tid} in this block, or -1. */
    private int lookup(long tid) {
        int i = slot(tid);
        for (int n = 0; n < TABLE_SLOTS; n++, i = (i + 1) & (TABLE_SLOTS - 1)) {
            if (tableGen[i] != generation) {
                return -1;
            }
            if (tableTid[i] == tid) {
                return tableRecord[i];
            }
        }
        return -1;
    }

    private void remember(long tid, int record) {
        int i = slot(tid);
        for (int n = 0; n < TABLE_SLOTS; n++, i = (i + 1) & (TABLE_SLOTS - 1)) {
            if (tableGen[i] != generation) {
                if (tableUsed >= TABLE_MAX) {
                    return; // full enough: this thread's context is simply sent in full
                }
                tableGen[i] = generation;
                tableTid[i] = tid;
                tableRecord[i] = record;
                tableUsed++;
                return;
            }
            if (tableTid[i] == tid) {
                tableRecord[i] = record; // the context changed: later records share the new one
                return;
            }
        }
    }

    /** Abandons the record begun last. */
    public void cancel() {
        if (recordStart >= 0) {
            pos = recordStart;
            recordStart = -1;
            listCountAt = -1;
        }
    }

    /** Number of blocks (frames to publish) in the buffer. */
    public int blocks() {
        return blocks;
    }

    /** Offset of block {@code i}'s first record. */
    public int blockStart(int i) {
        return blockStart[i];
    }

    /** Bytes of block {@code i}. */
    public int blockSize(int i) {
        return (i + 1 < blocks ? blockStart[i + 1] : size()) - blockStart[i];
    }

    /** Number of records in block {@code i}. */
    public int blockRecords(int i) {
        return blockRecords[i];
    }

    /** Number of complete records in the buffer. */
    public int records() {
        return records;
    }

    /** Bytes of complete records. */
    public int size() {
        return recordStart >= 0 ? recordStart : pos;
    }

    public MemorySegment segment() {
        return seg;
    }

    public byte[] array() {
        return buf;
    }

    /** Empties the buffer (keeps its capacity). */
    public void clear() {
        pos = 0;
        records = 0;
        recordStart = -1;
        listCountAt = -1;
        blocks = 0;
        newGeneration();
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            seg = MemorySegment.ofArray(buf);
        }
    }
}
