package io.peregrine.protocol.projection;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static io.peregrine.protocol.projection.ProjectionFormat.*;

/**
 * A reusable, allocation-free view of one projected-event record (see {@link ProjectionFormat}).
 * {@link #wrap} points it at a record; values are walked by offset: {@link #firstValue()},
 * {@link #nextValue(long)}, and read with the {@code value*} accessors, which take the offset of a
 * value's header. {@link #validate} checks an untrusted record completely before any getter.
 */
public final class ProjectedEventView {

    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private MemorySegment seg;
    private long base;

    public ProjectedEventView wrap(MemorySegment segment, long offset) {
        this.seg = segment;
        this.base = offset;
        return this;
    }

    public MemorySegment segment() {
        return seg;
    }

    public int length() {
        return seg.get(I32, base + OFF_LEN);
    }

    public int version() {
        return Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, base + OFF_VERSION));
    }

    public int direction() {
        return Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, base + OFF_DIR));
    }

    /** Code in {@code EventTypes}. */
    public int eventType() {
        return Short.toUnsignedInt(seg.get(I16, base + OFF_TYPE));
    }

    public int scapType() {
        return Short.toUnsignedInt(seg.get(I16, base + OFF_SCAP_TYPE));
    }

    public int valueCount() {
        return Short.toUnsignedInt(seg.get(I16, base + OFF_NVALUES));
    }

    public long num() {
        return seg.get(I64, base + OFF_NUM);
    }

    public long ts() {
        return seg.get(I64, base + OFF_TS);
    }

    public long tid() {
        return seg.get(I64, base + OFF_TID);
    }

    /** Offset of the first value's header (meaningful when {@link #valueCount()} &gt; 0). */
    public long firstValue() {
        return base + HEADER_SIZE;
    }

    /** Offset of the value after the one at {@code v}. */
    public long nextValue(long v) {
        return skipPayload(valuePayload(v) - 1);
    }

    public int valueFieldId(long v) {
        return Short.toUnsignedInt(seg.get(I16, v));
    }

    public int valueArgLength(long v) {
        return Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, v + 2));
    }

    /** Offset of the argument text (length {@link #valueArgLength}). */
    public long valueArgOffset(long v) {
        return v + 3;
    }

    /** True when the value's argument equals {@code arg} (null or empty: no argument). */
    public boolean valueArgEquals(long v, byte[] arg) {
        int n = valueArgLength(v);
        int a = arg == null ? 0 : arg.length;
        if (n != a) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (seg.get(ValueLayout.JAVA_BYTE, v + 3 + i) != arg[i]) {
                return false;
            }
        }
        return true;
    }

    /** The tag of the value at {@code v}. */
    public int valueTag(long v) {
        return Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, valuePayload(v) - 1));
    }

    /** Offset of the value's payload (just after its tag). */
    public long valuePayload(long v) {
        return v + 3 + valueArgLength(v) + 1;
    }

    /** Finds the value of a field and argument; -1 when the record does not carry it. */
    public long find(int fieldId, byte[] arg) {
        long v = firstValue();
        for (int i = valueCount(); i > 0; i--) {
            if (valueFieldId(v) == fieldId && valueArgEquals(v, arg)) {
                return v;
            }
            v = nextValue(v);
        }
        return -1;
    }

    // Payload readers: p is the offset of a payload (valuePayload(v) or an item's payload).

    public long int64At(long p) {
        return seg.get(I64, p);
    }

    public boolean boolAt(long p) {
        return seg.get(ValueLayout.JAVA_BYTE, p) != 0;
    }

    public int bytesLengthAt(long p) {
        return seg.get(I32, p);
    }

    public long bytesOffsetAt(long p) {
        return p + 4;
    }

    public int ipLengthAt(long p) {
        return Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, p));
    }

    public long ipOffsetAt(long p) {
        return p + 1;
    }

    public int listCountAt(long p) {
        return Short.toUnsignedInt(seg.get(I16, p));
    }

    /** Offset of the first item's tag in a list payload. */
    public long listFirstItem(long p) {
        return p + 2;
    }

    /** Offset of the item after the one whose tag is at {@code item}. */
    public long listNextItem(long item) {
        return skipPayload(item);
    }

    /** Decodes a BYTES payload as UTF-8 text (allocates: tools and tests). */
    public String textAt(long p) {
        byte[] b = new byte[bytesLengthAt(p)];
        MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, p + 4, b, 0, b.length);
        return new String(b, StandardCharsets.UTF_8);
    }

    private long skipPayload(long tagAt) {
        int tag = Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, tagAt));
        long p = tagAt + 1;
        return switch (tag) {
            case TAG_ABSENT -> p;
            case TAG_INT64, TAG_UINT64 -> p + 8;
            case TAG_BOOL -> p + 1;
            case TAG_BYTES -> p + 4 + Integer.toUnsignedLong(seg.get(I32, p));
            case TAG_IP -> p + 1 + Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, p));
            case TAG_LIST -> {
                int n = Short.toUnsignedInt(seg.get(I16, p));
                long q = p + 2;
                for (int i = 0; i < n; i++) {
                    q = skipPayload(q);
                }
                yield q;
            }
            default -> throw new IllegalStateException("unknown value tag " + tag);
        };
    }

    /**
     * Checks that the record at the wrapped offset is well formed within {@code available} bytes:
     * version, length, and every value's tag and size. Returns null when valid, else what is wrong.
     */
    public String validate(long available) {
        if (available < HEADER_SIZE) {
            return "projected record header needs " + HEADER_SIZE + " bytes, " + available + " left";
        }
        long len = Integer.toUnsignedLong(length());
        if (len < HEADER_SIZE || len > available) {
            return "projected record length " + len + " out of bounds (" + available + " available)";
        }
        if (version() != VERSION) {
            return "projected record version " + version() + ", this build reads " + VERSION;
        }
        long end = base + len;
        long v = firstValue();
        for (int i = valueCount(); i > 0; i--) {
            if (v + 3 > end || v + 3 + valueArgLength(v) + 1 > end) {
                return "value header overruns the record";
            }
            long next = checkedSkip(valuePayload(v) - 1, end, true);
            if (next < 0) {
                return "value of field " + valueFieldId(v) + " is malformed or overruns the record";
            }
            v = next;
        }
        if (v != end) {
            return "record length " + len + " does not match its values";
        }
        return null;
    }

    private long checkedSkip(long tagAt, long end, boolean listAllowed) {
        if (tagAt >= end) {
            return -1;
        }
        int tag = Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, tagAt));
        long p = tagAt + 1;
        long next;
        switch (tag) {
            case TAG_ABSENT -> next = p;
            case TAG_INT64, TAG_UINT64 -> next = p + 8;
            case TAG_BOOL -> next = p + 1;
            case TAG_BYTES -> {
                if (p + 4 > end) {
                    return -1;
                }
                next = p + 4 + Integer.toUnsignedLong(seg.get(I32, p));
            }
            case TAG_IP -> {
                if (p + 1 > end) {
                    return -1;
                }
                int n = Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, p));
                if (n != 4 && n != 16) {
                    return -1;
                }
                next = p + 1 + n;
            }
            case TAG_LIST -> {
                if (!listAllowed || p + 2 > end) {
                    return -1;
                }
                int n = Short.toUnsignedInt(seg.get(I16, p));
                long q = p + 2;
                for (int i = 0; i < n; i++) {
                    q = checkedSkip(q, end, false);
                    if (q < 0) {
                        return -1;
                    }
                }
                next = q;
            }
            default -> {
                return -1;
            }
        }
        return next <= end ? next : -1;
    }
}
