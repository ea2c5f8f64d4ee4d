package io.peregrine.protocol.frame;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32C;

import static io.peregrine.protocol.frame.Frame.*;

/**
 * Builds frames into one reusable buffer: records are copied in as they come, the header is
 * written when the frame is finished. One encoder per publishing thread; nothing is allocated
 * per record.
 */
public final class FrameEncoder {

    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final FrameKind kind;
    private final byte[] node;
    private final long bootMsb;
    private final long bootLsb;
    private final int payloadStart;
    private final CRC32C crc = new CRC32C();

    private byte[] buf;
    private MemorySegment seg;
    private int pos;
    private int count;
    private long firstTs;
    private long lastTs;
    private long sequence;
    private long accounted;

    public FrameEncoder(FrameKind kind, String node, UUID bootId, int initialCapacity) {
        this.kind = kind;
        this.node = node.getBytes(StandardCharsets.UTF_8);
        if (this.node.length > MAX_NODE_NAME) {
            throw new IllegalArgumentException("node name longer than " + MAX_NODE_NAME + " bytes: " + node);
        }
        this.bootMsb = bootId.getMostSignificantBits();
        this.bootLsb = bootId.getLeastSignificantBits();
        this.payloadStart = FIXED_HEADER + this.node.length;
        this.buf = new byte[Math.max(initialCapacity, payloadStart + 64)];
        this.seg = MemorySegment.ofArray(buf);
        reset();
    }

    private void reset() {
        pos = payloadStart;
        count = 0;
        firstTs = 0;
        lastTs = 0;
    }

    /** Appends one record of {@code len} bytes; {@code ts} is its timestamp. */
    public void add(MemorySegment src, long offset, int len, long ts) {
        addRecords(src, offset, len, 1, ts);
    }

    /**
     * Appends {@code records} records lying back to back in {@code len} bytes, with one copy
     * (a producer that batches its own records); {@code ts} is the time of the first of them.
     */
    public void addRecords(MemorySegment src, long offset, int len, int records, long ts) {
        ensure(len);
        MemorySegment.copy(src, offset, seg, pos, len);
        pos += len;
        if (count == 0) {
            firstTs = ts;
        }
        count += records;
        lastTs = ts;
    }

    /** Appends one record from a byte array. */
    public void add(byte[] src, int offset, int len, long ts) {
        add(MemorySegment.ofArray(src), offset, len, ts);
    }

    public int count() {
        return count;
    }

    /** Bytes the frame would have if finished now. */
    public int size() {
        return pos;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The sequence number the next finished frame will carry. */
    public long nextSequence() {
        return sequence + 1;
    }

    /**
     * Writes the header and returns the frame as a new array of its exact size (what the NATS
     * client publishes); the encoder is then empty, ready for the next frame. A sender that may
     * drop frames after this point re-stamps sequence and stream index ({@link Frame#stamp}).
     */
    public byte[] finish(long lost, int flags) {
        int payloadLen = pos - payloadStart;
        seg.set(I32, OFF_MAGIC, MAGIC);
        seg.set(I16, OFF_VERSION, (short) VERSION);
        seg.set(I16, OFF_KIND, (short) kind.code);
        seg.set(I16, OFF_FLAGS, (short) flags);
        seg.set(I16, OFF_NODE_LEN, (short) node.length);
        seg.set(I32, OFF_COUNT, count);
        seg.set(I64, OFF_SEQ, ++sequence);
        seg.set(I64, OFF_BOOT_MSB, bootMsb);
        seg.set(I64, OFF_BOOT_LSB, bootLsb);
        seg.set(I64, OFF_FIRST_TS, firstTs);
        seg.set(I64, OFF_LAST_TS, lastTs);
        seg.set(I64, OFF_LOST, lost);
        seg.set(I32, OFF_PAYLOAD_LEN, payloadLen);
        crc.reset();
        crc.update(buf, payloadStart, payloadLen);
        seg.set(I32, OFF_CRC, (int) crc.getValue());
        seg.set(I64, OFF_FIRST_INDEX, accounted + lost);
        accounted += lost + count;
        System.arraycopy(node, 0, buf, FIXED_HEADER, node.length);
        byte[] out = Arrays.copyOf(buf, pos);
        reset();
        return out;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            seg = MemorySegment.ofArray(buf);
        }
    }
}
