package io.peregrine.protocol.event;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A reusable, allocation-free view of one event record in memory. The record is the scap event
 * layout, little-endian:
 *
 * <pre>
 *   u64 ts       nanoseconds since the epoch
 *   u64 tid      thread id
 *   u32 len      whole record, header included
 *   u16 type     event type code (EventTable)
 *   u32 nparams
 *   nparams lengths: u16 each (u32 for EF_LARGE_PAYLOAD types)
 *   parameter bytes, concatenated in order
 * </pre>
 *
 * Wrap a position with {@link #wrap}; the view is valid until the memory changes. Consumers that need
 * to keep an event copy its bytes ({@link #copyTo}).
 */
public final class EventRecord {
    public static final int HEADER_SIZE = 26;
    /** More parameters than any table layout has: a record claiming more is corrupt. */
    public static final int MAX_PARAMS = 64;

    public static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private static final int OFF_TS = 0;
    private static final int OFF_TID = 8;
    private static final int OFF_LEN = 16;
    private static final int OFF_TYPE = 20;
    private static final int OFF_NPARAMS = 22;

    private MemorySegment segment;
    private long base;
    private int nparams;
    private int lenSize;
    private boolean offsetsReady;
    private final long[] offsets = new long[MAX_PARAMS + 1];

    /** Points this view at the record starting at {@code offset} in {@code segment}. */
    public EventRecord wrap(MemorySegment segment, long offset) {
        this.segment = segment;
        this.base = offset;
        this.nparams = segment.get(I32, offset + OFF_NPARAMS);
        this.lenSize = EventTable.paramLenSize(type());
        this.offsetsReady = false;
        return this;
    }

    public MemorySegment segment() {
        return segment;
    }

    /** Offset of the record's first byte in {@link #segment()}. */
    public long offset() {
        return base;
    }

    public long ts() {
        return segment.get(I64, base + OFF_TS);
    }

    public long tid() {
        return segment.get(I64, base + OFF_TID);
    }

    /** Whole record length in bytes, header included. */
    public int len() {
        return segment.get(I32, base + OFF_LEN);
    }

    public int type() {
        return Short.toUnsignedInt(segment.get(I16, base + OFF_TYPE));
    }

    public int nparams() {
        return nparams;
    }

    /** Width of each parameter length: 2, or 4 for large-payload types. */
    public int paramLenSize() {
        return lenSize;
    }

    /** The table entry of this record's type, or null when unknown. */
    public EventType eventType() {
        return EventTable.get(type());
    }

    public EventDirection direction() {
        return EventDirection.ofType(type());
    }

    /**
     * Checks that the header and parameter lengths are consistent with {@code available} bytes from
     * the record's start. Returns null when valid, else what is wrong. Call before the getters on
     * untrusted input.
     */
    public String validate(long available) {
        if (available < HEADER_SIZE) {
            return "record header needs " + HEADER_SIZE + " bytes, " + available + " left";
        }
        long len = Integer.toUnsignedLong(len());
        if (len < HEADER_SIZE) {
            return "record length " + len + " is smaller than the header";
        }
        if (len > available) {
            return "record length " + len + " exceeds the " + available + " bytes available";
        }
        if (nparams < 0 || nparams > MAX_PARAMS) {
            return "record claims " + Integer.toUnsignedString(nparams) + " parameters";
        }
        long sum = HEADER_SIZE + (long) nparams * lenSize;
        if (sum > len) {
            return "parameter lengths overrun the record length " + len;
        }
        // the walk also records each parameter's offset, so getters need not walk again
        long at = base + sum;
        for (int i = 0; i < nparams; i++) {
            offsets[i] = at;
            int pl = paramLen(i);
            sum += pl;
            at += pl;
        }
        if (sum > len) {
            return "parameters need " + sum + " bytes, record length is " + len;
        }
        offsets[nparams] = at;
        offsetsReady = true;
        return null;
    }

    public int paramLen(int i) {
        long at = base + HEADER_SIZE + (long) i * lenSize;
        return lenSize == 2 ? Short.toUnsignedInt(segment.get(I16, at)) : segment.get(I32, at);
    }

    /** Absolute offset in {@link #segment()} of parameter {@code i}'s first byte. */
    public long paramOffset(int i) {
        if (!offsetsReady) {
            long at = base + HEADER_SIZE + (long) nparams * lenSize;
            int n = Math.min(nparams, MAX_PARAMS);
            for (int p = 0; p < n; p++) {
                offsets[p] = at;
                at += paramLen(p);
            }
            offsets[n] = at;
            offsetsReady = true;
        }
        return offsets[i];
    }

    public byte i8(int i) {
        return segment.get(ValueLayout.JAVA_BYTE, paramOffset(i));
    }

    public int u8(int i) {
        return Byte.toUnsignedInt(i8(i));
    }

    public short i16(int i) {
        return segment.get(I16, paramOffset(i));
    }

    public int u16(int i) {
        return Short.toUnsignedInt(i16(i));
    }

    public int i32(int i) {
        return segment.get(I32, paramOffset(i));
    }

    public long u32(int i) {
        return Integer.toUnsignedLong(i32(i));
    }

    public long i64(int i) {
        return segment.get(I64, paramOffset(i));
    }

    /**
     * An integer parameter of any width 1, 2, 4 or 8 bytes, sign-extended for the signed widths
     * the length implies (fds, pids and errnos are 8 bytes; 4-byte values read unsigned).
     */
    public long number(int i) {
        return switch (paramLen(i)) {
            case 1 -> u8(i);
            case 2 -> u16(i);
            case 4 -> u32(i);
            case 8 -> i64(i);
            default -> 0;
        };
    }

    public double f64(int i) {
        return segment.get(F64, paramOffset(i));
    }

    /** Length of a string parameter without its terminating NUL (scap strings carry one). */
    public int stringLen(int i) {
        int n = paramLen(i);
        long at = paramOffset(i);
        for (int k = 0; k < n; k++) {
            if (segment.get(ValueLayout.JAVA_BYTE, at + k) == 0) {
                return k;
            }
        }
        return n;
    }

    /** True when string parameter {@code i} equals {@code bytes} (no allocation). */
    public boolean stringEquals(int i, byte[] bytes) {
        if (stringLen(i) != bytes.length) {
            return false;
        }
        long at = paramOffset(i);
        for (int k = 0; k < bytes.length; k++) {
            if (segment.get(ValueLayout.JAVA_BYTE, at + k) != bytes[k]) {
                return false;
            }
        }
        return true;
    }

    /** Copies parameter {@code i} into {@code dst}; returns the number of bytes copied. */
    public int copyParam(int i, byte[] dst, int dstOffset) {
        int n = Math.min(paramLen(i), dst.length - dstOffset);
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, paramOffset(i), dst, dstOffset, n);
        return n;
    }

    /** Decodes a string parameter (allocates: for tools and tests, not the hot path). */
    public String string(int i) {
        byte[] b = new byte[stringLen(i)];
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, paramOffset(i), b, 0, b.length);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The parameter's raw bytes (allocates). */
    public byte[] bytes(int i) {
        byte[] b = new byte[paramLen(i)];
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, paramOffset(i), b, 0, b.length);
        return b;
    }

    /** Copies the whole record to {@code dst} at {@code dstOffset}. */
    public void copyTo(MemorySegment dst, long dstOffset) {
        MemorySegment.copy(segment, base, dst, dstOffset, Integer.toUnsignedLong(len()));
    }
}
