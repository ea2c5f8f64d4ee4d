package io.peregrine.protocol.event;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Builds event records (see {@link EventRecord}) into a reusable growable buffer. Typical use:
 * {@code begin(ts, tid, type, nparams)}, one {@code add*} call per parameter in table order, then
 * {@link #finish()}; the record is then {@link #segment()} from 0 for {@link #length()} bytes. No
 * allocation once the buffer has grown to the largest record.
 */
public final class EventRecordBuilder {
    private MemorySegment buf;
    private byte[] heap;
    private int nparams;
    private int added;
    private int lenSize;
    private int pos;

    public EventRecordBuilder() {
        this(4096);
    }

    public EventRecordBuilder(int initialCapacity) {
        heap = new byte[Math.max(initialCapacity, 256)];
        buf = MemorySegment.ofArray(heap);
    }

    public EventRecordBuilder begin(long ts, long tid, int type, int nparams) {
        if (nparams < 0 || nparams > EventRecord.MAX_PARAMS) {
            throw new IllegalArgumentException("nparams " + nparams);
        }
        this.nparams = nparams;
        this.added = 0;
        this.lenSize = EventTable.paramLenSize(type);
        buf.set(EventRecord.I64, 0, ts);
        buf.set(EventRecord.I64, 8, tid);
        buf.set(EventRecord.I16, 20, (short) type);
        buf.set(EventRecord.I32, 22, nparams);
        pos = EventRecord.HEADER_SIZE + nparams * lenSize;
        ensure(pos);
        return this;
    }

    private void ensure(int need) {
        if (need > heap.length) {
            byte[] n = new byte[Math.max(need, heap.length * 2)];
            System.arraycopy(heap, 0, n, 0, heap.length);
            heap = n;
            buf = MemorySegment.ofArray(heap);
        }
    }

    // Reserves the next parameter; may replace the buffer, so callers read 'buf' after calling it.
    private int slot(int len) {
        if (added >= nparams) {
            throw new IllegalStateException("more parameters than the " + nparams + " declared");
        }
        if (lenSize == 2 && len > 0xFFFF) {
            throw new IllegalArgumentException("parameter of " + len + " bytes needs a large-payload type");
        }
        long at = EventRecord.HEADER_SIZE + (long) added * lenSize;
        if (lenSize == 2) {
            buf.set(EventRecord.I16, at, (short) len);
        } else {
            buf.set(EventRecord.I32, at, len);
        }
        added++;
        ensure(pos + len);
        int p = pos;
        pos += len;
        return p;
    }

    public EventRecordBuilder addU8(int v) {
        int at = slot(1);
        buf.set(ValueLayout.JAVA_BYTE, at, (byte) v);
        return this;
    }

    public EventRecordBuilder addU16(int v) {
        int at = slot(2);
        buf.set(EventRecord.I16, at, (short) v);
        return this;
    }

    public EventRecordBuilder addU32(long v) {
        int at = slot(4);
        buf.set(EventRecord.I32, at, (int) v);
        return this;
    }

    public EventRecordBuilder addI64(long v) {
        int at = slot(8);
        buf.set(EventRecord.I64, at, v);
        return this;
    }

    /** Raw bytes (byte buffers, socket addresses and tuples, NUL-separated lists). */
    public EventRecordBuilder addBytes(byte[] b, int off, int len) {
        int at = slot(len);
        MemorySegment.copy(b, off, buf, ValueLayout.JAVA_BYTE, at, len);
        return this;
    }

    public EventRecordBuilder addBytes(byte[] b) {
        return addBytes(b, 0, b.length);
    }

    /** Raw bytes from another segment. */
    public EventRecordBuilder addBytes(MemorySegment src, long off, int len) {
        int at = slot(len);
        MemorySegment.copy(src, off, buf, at, len);
        return this;
    }

    /** A string with the terminating NUL scap strings carry. */
    public EventRecordBuilder addString(byte[] utf8) {
        int at = slot(utf8.length + 1);
        MemorySegment.copy(utf8, 0, buf, ValueLayout.JAVA_BYTE, at, utf8.length);
        buf.set(ValueLayout.JAVA_BYTE, at + utf8.length, (byte) 0);
        return this;
    }

    /** Convenience for tools and seeds (allocates). */
    public EventRecordBuilder addString(String s) {
        return addString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** An empty (zero-length) parameter, which scap uses for "not available". */
    public EventRecordBuilder addEmpty() {
        slot(0);
        return this;
    }

    /** Completes the record: writes its length and returns it. */
    public int finish() {
        if (added != nparams) {
            throw new IllegalStateException(added + " of " + nparams + " parameters added");
        }
        buf.set(EventRecord.I32, 16, pos);
        return pos;
    }

    public MemorySegment segment() {
        return buf;
    }

    /** The backing array (the record is at 0..length()). */
    public byte[] array() {
        return heap;
    }

    public int length() {
        return pos;
    }
}
