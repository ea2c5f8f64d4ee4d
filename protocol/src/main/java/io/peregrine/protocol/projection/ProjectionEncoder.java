package io.peregrine.protocol.projection;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

import static io.peregrine.protocol.projection.ProjectionFormat.*;

/**
 * Writes projected-event records (see {@link ProjectionFormat}) back to back into one reusable,
 * growing buffer. Per record: {@link #begin}, then for each value {@link #field} followed by
 * exactly one value call (or {@link #beginList}, items, {@link #endList}), then {@link #end}. No
 * allocation once the buffer has grown to its working size.
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

    public ProjectionEncoder(int initialCapacity) {
        buf = new byte[Math.max(initialCapacity, 256)];
        seg = MemorySegment.ofArray(buf);
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
        pos += HEADER_SIZE;
        nvalues = 0;
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
        buf[pos] = TAG_BYTES;
        seg.set(I32, pos + 1, len);
        System.arraycopy(b, off, buf, pos + 5, len);
        pos += 5 + len;
        item();
    }

    public void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    public void bytes(MemorySegment src, long off, int len) {
        ensure(5 + len);
        buf[pos] = TAG_BYTES;
        seg.set(I32, pos + 1, len);
        MemorySegment.copy(src, off, seg, pos + 5, len);
        pos += 5 + len;
        item();
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
        seg.set(I32, at + 1, pos - at - 5);
        item();
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
        int len = pos - recordStart;
        seg.set(I32, recordStart + OFF_LEN, len);
        seg.set(I16, recordStart + OFF_NVALUES, (short) nvalues);
        recordStart = -1;
        records++;
        return len;
    }

    /** Abandons the record begun last. */
    public void cancel() {
        if (recordStart >= 0) {
            pos = recordStart;
            recordStart = -1;
            listCountAt = -1;
        }
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
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            seg = MemorySegment.ofArray(buf);
        }
    }
}
