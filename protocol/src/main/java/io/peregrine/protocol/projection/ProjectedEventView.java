package io.peregrine.protocol.projection;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.peregrine.protocol.projection.ProjectionFormat.*;

/**
 * A reusable, allocation-free view of one projected-event record (see {@link ProjectionFormat}).
 * {@link #wrap} points it at a record; values are walked by offset: {@link #firstValue()},
 * {@link #nextValue(long)} (the context values, wherever the context block is, then the event
 * values), and read with the {@code value*} accessors, which take the offset of a value's header.
 *
 * <p>{@link #validate} checks an untrusted record completely before any getter. A record may
 * refer to the context block of an earlier record of its frame; such a reference is accepted only
 * when it points at a record this view validated earlier in the same frame and that carries its
 * own context block. So the records of a frame are validated in order, after
 * {@link #beginFrame} (a view that validates a record of another segment, or at an offset not
 * after the previous one, starts a new frame by itself, at that record).
 *
 * <p>A value tagged {@link ProjectionFormat#TAG_SAME} stands for an earlier value of its record:
 * {@link #valueTag} and {@link #valuePayload} return that value's tag and payload, so every
 * payload reader sees through the reference and callers never meet the SAME tag.
 */
public final class ProjectedEventView {

    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private MemorySegment seg;
    private long base;

    // Validated records of the current frame that carry their own context block, ascending.
    private MemorySegment frameSeg;
    private long frameStart = -1;
    private long lastValidated = -1;
    private long[] contexts = new long[64];
    private int ncontexts;

    // Tag offsets of the values validated so far in the record being validated (its own context
    // block, then its event values), ascending: the targets a SAME value may have.
    private long[] valueTags = new long[64];
    private int nvalueTags;

    /** Starts a frame whose records begin at {@code payloadStart}: references never reach before it. */
    public ProjectedEventView beginFrame(MemorySegment segment, long payloadStart) {
        frameSeg = segment;
        frameStart = payloadStart;
        lastValidated = payloadStart - 1;
        ncontexts = 0;
        return this;
    }

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

    /** Number of values: context values (own or referenced) and event values. */
    public int valueCount() {
        return contextValueCount() + eventValueCount();
    }

    public int eventValueCount() {
        return Short.toUnsignedInt(seg.get(I16, base + OFF_NVALUES));
    }

    /** Number of context values, in this record or in the record it refers to. */
    public int contextValueCount() {
        return Short.toUnsignedInt(seg.get(I16, contextRecord() + OFF_NCTX));
    }

    /** True when the context values are those of an earlier record of the frame. */
    public boolean refersToContext() {
        return seg.get(I32, base + OFF_CTX_REF) != 0;
    }

    /** Offset of the record whose context block this record uses (itself, or the one it refers to). */
    public long contextRecord() {
        return base - Integer.toUnsignedLong(seg.get(I32, base + OFF_CTX_REF));
    }

    /** Offset of the first context value. */
    public long contextStart() {
        return contextRecord() + HEADER_SIZE;
    }

    private long contextEnd() {
        long r = contextRecord();
        return r + HEADER_SIZE + Integer.toUnsignedLong(seg.get(I32, r + OFF_CTX_LEN));
    }

    /** Offset of the first event value. */
    public long eventStart() {
        return base + HEADER_SIZE + Integer.toUnsignedLong(seg.get(I32, base + OFF_CTX_LEN));
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
        return contextValueCount() > 0 ? contextStart() : eventStart();
    }

    /** Offset of the value after the one at {@code v}: from the last context value to the first event value. */
    public long nextValue(long v) {
        long n = skipPayload(rawTagAt(v));
        return n == contextEnd() ? eventStart() : n;
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

    /** The tag of the value at {@code v} (of the value it stands for when it is a SAME). */
    public int valueTag(long v) {
        return Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, tagAt(v)));
    }

    /** Offset of the value's payload, just after its tag (of the value it stands for when it is a SAME). */
    public long valuePayload(long v) {
        return tagAt(v) + 1;
    }

    /** True when the value at {@code v} is written as a SAME reference to an earlier value. */
    public boolean valueIsReference(long v) {
        return Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, rawTagAt(v))) == TAG_SAME;
    }

    /** Offset of the tag written in the value at {@code v}. */
    private long rawTagAt(long v) {
        return v + 3 + valueArgLength(v);
    }

    /** Offset of the tag of the value {@code v} stands for: its own, or its SAME target's (one hop, validated). */
    private long tagAt(long v) {
        long t = rawTagAt(v);
        if (Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, t)) == TAG_SAME) {
            t -= Short.toUnsignedInt(seg.get(I16, t + 1));
        }
        return t;
    }

    /**
     * Finds the value of a field and argument among the event values, then the context values;
     * -1 when the record does not carry it.
     */
    public long find(int fieldId, byte[] arg) {
        long v = scan(eventStart(), eventValueCount(), fieldId, arg);
        if (v >= 0) {
            return v;
        }
        long r = contextRecord();
        return scan(r + HEADER_SIZE, Short.toUnsignedInt(seg.get(I16, r + OFF_NCTX)), fieldId, arg);
    }

    private long scan(long v, int n, int fieldId, byte[] arg) {
        for (int i = n; i > 0; i--) {
            if (valueFieldId(v) == fieldId && valueArgEquals(v, arg)) {
                return v;
            }
            v = skipPayload(rawTagAt(v));
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
            case TAG_SAME -> p + 2;
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
     * version, length, context block or reference, and every value's tag and size. Returns null
     * when valid, else what is wrong. Records of a frame must be validated in order (see the class
     * comment): a reference is valid only to a record validated before it in the same frame.
     */
    public String validate(long available) {
        if (seg != frameSeg || base <= lastValidated) {
            beginFrame(seg, base);
        }
        lastValidated = base;
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
        nvalueTags = 0;
        long ref = Integer.toUnsignedLong(seg.get(I32, base + OFF_CTX_REF));
        int nctx = Short.toUnsignedInt(seg.get(I16, base + OFF_NCTX));
        long clen = Integer.toUnsignedLong(seg.get(I32, base + OFF_CTX_LEN));
        if (ref != 0) {
            if (nctx != 0 || clen != 0) {
                return "record refers to a context block and carries one too";
            }
            long target = base - ref;
            if (target < frameStart || Arrays.binarySearch(contexts, 0, ncontexts, target) < 0) {
                return "context reference " + ref + " does not point back at a context block of this frame";
            }
        } else if (HEADER_SIZE + clen > len) {
            return "context block of " + clen + " bytes overruns the record";
        } else if ((nctx == 0) != (clen == 0)) {
            return "context block of " + clen + " bytes with " + nctx + " values";
        } else {
            String bad = checkValues(base + HEADER_SIZE, nctx, base + HEADER_SIZE + clen, "context block");
            if (bad != null) {
                return bad;
            }
        }
        // A constant label: validation runs for every record and must not allocate.
        String bad = checkValues(base + HEADER_SIZE + clen, eventValueCount(), end, "record");
        if (bad != null) {
            return bad + " (record length " + len + ")";
        }
        if (ref == 0 && clen > 0) {
            if (ncontexts == contexts.length) {
                contexts = Arrays.copyOf(contexts, ncontexts * 2);
            }
            contexts[ncontexts++] = base;
        }
        return null;
    }

    /** Checks that {@code n} values start at {@code v} and fill exactly up to {@code end}. */
    private String checkValues(long v, int n, long end, String what) {
        for (int i = n; i > 0; i--) {
            if (v + 3 > end || v + 3 + valueArgLength(v) + 1 > end) {
                return "value header overruns the " + what;
            }
            long tag = rawTagAt(v);
            long next = checkedSkip(tag, end, true);
            if (next == BAD_REFERENCE) {
                return "SAME value of field " + valueFieldId(v)
                        + " does not point back at an earlier, non-SAME value of its " + what;
            }
            if (next < 0) {
                return "value of field " + valueFieldId(v) + " is malformed or overruns the " + what;
            }
            if (nvalueTags == valueTags.length) {
                valueTags = Arrays.copyOf(valueTags, nvalueTags * 2);
            }
            valueTags[nvalueTags++] = tag;
            v = next;
        }
        if (v != end) {
            return what + " does not match its values";
        }
        return null;
    }

    private static final long BAD_REFERENCE = -2;

    /**
     * Offset after the tag and payload at {@code tagAt}, or -1 when malformed, or
     * {@link #BAD_REFERENCE} for a SAME whose target is not the tag of an earlier value of this
     * record validated before it ({@code listAllowed}: a value, not a list item, where a SAME may be).
     */
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
            case TAG_SAME -> {
                if (!listAllowed || p + 2 > end) {
                    return -1;
                }
                long target = tagAt - Short.toUnsignedInt(seg.get(I16, p));
                if (target >= tagAt || Arrays.binarySearch(valueTags, 0, nvalueTags, target) < 0
                        || Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, target)) == TAG_SAME) {
                    return BAD_REFERENCE;
                }
                next = p + 2;
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
