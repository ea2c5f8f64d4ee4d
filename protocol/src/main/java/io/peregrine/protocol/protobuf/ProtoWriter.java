package io.peregrine.protocol.protobuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The few protobuf encodings the CRI requests need: varints, booleans, strings, nested messages and
 * map entries. Messages are small and built off the event path, so a growable array is enough.
 */
public final class ProtoWriter {
    private static final int VARINT = 0, LENGTH_DELIMITED = 2;
    private byte[] buf = new byte[64];
    private int len;

    /** A string field; empty strings are proto3 defaults and are not written. */
    public ProtoWriter string(int field, String value) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public ProtoWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        append(value, value.length);
        return this;
    }

    public ProtoWriter varint(int field, long value) {
        if (value == 0) {
            return this;
        }
        tag(field, VARINT);
        rawVarint(value);
        return this;
    }

    public ProtoWriter bool(int field, boolean value) {
        return varint(field, value ? 1 : 0);
    }

    /** A nested message field (written even when empty: presence matters for messages). */
    public ProtoWriter message(int field, ProtoWriter message) {
        tag(field, LENGTH_DELIMITED);
        rawVarint(message.len);
        append(message.buf, message.len);
        return this;
    }

    /** One entry of a {@code map<string, string>} field: a message with key 1 and value 2. */
    public ProtoWriter entry(int field, String key, String value) {
        return message(field, new ProtoWriter().string(1, key).string(2, value));
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    private void append(byte[] b, int n) {
        ensure(n);
        System.arraycopy(b, 0, buf, len, n);
        len += n;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
