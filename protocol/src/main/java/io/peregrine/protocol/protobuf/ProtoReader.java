package io.peregrine.protocol.protobuf;

import java.nio.charset.StandardCharsets;

/**
 * Reads a protobuf message field by field, skipping what the caller does not ask for. Truncated or
 * malformed input fails with {@link IllegalArgumentException} naming the offset, never reads past
 * the message.
 */
public final class ProtoReader {
    public static final int VARINT = 0, FIXED64 = 1, LENGTH_DELIMITED = 2, FIXED32 = 5;
    private final byte[] buf;
    private final int end;
    private int pos;
    private int field;
    private int wireType;
    private boolean consumed = true;

    public ProtoReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public ProtoReader(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buf.length) {
            throw new IllegalArgumentException("message of " + length + " bytes at " + offset + " outside " + buf.length);
        }
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    /** Moves to the next field (skipping the current one if it was not read); false at the end. */
    public boolean next() {
        if (!consumed) {
            skip();
        }
        if (pos >= end) {
            return false;
        }
        long tag = rawVarint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field <= 0) {
            throw malformed("field number " + (tag >>> 3));
        }
        consumed = false;
        return true;
    }

    public int field() {
        return field;
    }

    public int wireType() {
        return wireType;
    }

    public long varint() {
        expect(VARINT);
        consumed = true;
        return rawVarint();
    }

    public String string() {
        int[] at = lengthDelimited();
        return new String(buf, at[0], at[1], StandardCharsets.UTF_8);
    }

    public ProtoReader message() {
        int[] at = lengthDelimited();
        return new ProtoReader(buf, at[0], at[1]);
    }

    /** Skips the current field's value. */
    public void skip() {
        consumed = true;
        switch (wireType) {
            case VARINT -> rawVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(length());
            case FIXED32 -> advance(4);
            default -> throw malformed("wire type " + wireType + " of field " + field);
        }
    }

    private int[] lengthDelimited() {
        expect(LENGTH_DELIMITED);
        consumed = true;
        int n = length();
        int start = pos;
        advance(n);
        return new int[] {start, n};
    }

    private int length() {
        long n = rawVarint();
        if (n < 0 || n > end - pos) {
            throw malformed("length " + n + " of field " + field + " past the end");
        }
        return (int) n;
    }

    private void advance(int n) {
        if (n > end - pos) {
            throw malformed("field " + field + " truncated");
        }
        pos += n;
    }

    private void expect(int type) {
        if (wireType != type) {
            throw malformed("field " + field + " has wire type " + wireType + ", expected " + type);
        }
    }

    private long rawVarint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw malformed("varint truncated");
            }
            byte b = buf[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw malformed("varint longer than 10 bytes");
    }

    private IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException("malformed protobuf at byte " + pos + ": " + what);
    }
}
