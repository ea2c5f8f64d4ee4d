package io.peregrine.protocol.frame;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32C;

import static io.peregrine.protocol.frame.Frame.*;

/**
 * A checked, reusable view of one received frame. {@link #wrap} validates everything a consumer
 * relies on — magic, version, lengths, CRC, and that the records tile the payload exactly and
 * match the count — so that a frame is either wholly usable or rejected.
 */
public final class FrameView {

    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Offset of the u32 length in an event record (docs/event-format.md). */
    private static final int EVENT_LEN_OFFSET = 16;
    private static final int EVENT_HEADER = 26;
    /** Projected records start with their u32 length (ProjectionFormat). */
    private static final int PROJECTED_LEN_OFFSET = 0;
    private static final int PROJECTED_HEADER = 36;

    private final CRC32C crc = new CRC32C();
    private byte[] data;
    private MemorySegment seg;
    private int nodeLen;
    private int payloadStart;
    private int payloadLen;
    private FrameKind kind;

    public FrameView wrap(byte[] frame) throws FrameFormatException {
        return wrap(frame, frame.length);
    }

    public FrameView wrap(byte[] frame, int length) throws FrameFormatException {
        if (length < FIXED_HEADER) {
            throw new FrameFormatException("frame of " + length + " bytes is shorter than the " + FIXED_HEADER + "-byte header", 0);
        }
        MemorySegment s = MemorySegment.ofArray(frame);
        if (s.get(I32, OFF_MAGIC) != MAGIC) {
            throw new FrameFormatException("not a Peregrine frame (bad magic)", OFF_MAGIC);
        }
        int version = Short.toUnsignedInt(s.get(I16, OFF_VERSION));
        if (version != VERSION) {
            throw new FrameFormatException("unsupported frame version " + version + " (this build reads " + VERSION + ")", OFF_VERSION);
        }
        FrameKind k = FrameKind.of(Short.toUnsignedInt(s.get(I16, OFF_KIND)));
        if (k == null) {
            throw new FrameFormatException("unknown frame kind " + Short.toUnsignedInt(s.get(I16, OFF_KIND)), OFF_KIND);
        }
        int nl = Short.toUnsignedInt(s.get(I16, OFF_NODE_LEN));
        if (nl > MAX_NODE_NAME) {
            throw new FrameFormatException("node name length " + nl + " exceeds " + MAX_NODE_NAME, OFF_NODE_LEN);
        }
        int pl = s.get(I32, OFF_PAYLOAD_LEN);
        if (pl < 0 || (long) FIXED_HEADER + nl + pl != length) {
            throw new FrameFormatException("payload length " + Integer.toUnsignedString(pl) + " does not match the frame size " + length, OFF_PAYLOAD_LEN);
        }
        crc.reset();
        crc.update(frame, FIXED_HEADER + nl, pl);
        if ((int) crc.getValue() != s.get(I32, OFF_CRC)) {
            throw new FrameFormatException("payload checksum mismatch", OFF_CRC);
        }
        int count = s.get(I32, OFF_COUNT);
        checkRecords(s, FIXED_HEADER + nl, pl, count, lenOffset(k), minRecord(k));
        this.data = frame;
        this.seg = s;
        this.kind = k;
        this.nodeLen = nl;
        this.payloadStart = FIXED_HEADER + nl;
        this.payloadLen = pl;
        return this;
    }

    private static int lenOffset(FrameKind k) {
        return k == FrameKind.RAW_EVENTS ? EVENT_LEN_OFFSET : PROJECTED_LEN_OFFSET;
    }

    private static int minRecord(FrameKind k) {
        return k == FrameKind.RAW_EVENTS ? EVENT_HEADER : PROJECTED_HEADER;
    }

    private static void checkRecords(MemorySegment s, int start, int len, int count, int lenOffset, int minRecord)
            throws FrameFormatException {
        long p = start;
        long end = (long) start + len;
        int n = 0;
        while (p < end) {
            if (end - p < minRecord) {
                throw new FrameFormatException("truncated record header", p);
            }
            int rl = s.get(I32, p + lenOffset);
            if (rl < minRecord || rl > end - p) {
                throw new FrameFormatException("record length " + Integer.toUnsignedString(rl) + " out of bounds", p + lenOffset);
            }
            p += rl;
            n++;
        }
        if (n != count) {
            throw new FrameFormatException("header says " + Integer.toUnsignedString(count) + " records, payload holds " + n, OFF_COUNT);
        }
    }

    public FrameKind kind() {
        return kind;
    }

    public int flags() {
        return Short.toUnsignedInt(seg.get(I16, OFF_FLAGS));
    }

    public boolean endOfStream() {
        return (flags() & FLAG_END_OF_STREAM) != 0;
    }

    public int count() {
        return seg.get(I32, OFF_COUNT);
    }

    public long sequence() {
        return seg.get(I64, OFF_SEQ);
    }

    public long bootIdMsb() {
        return seg.get(I64, OFF_BOOT_MSB);
    }

    public long bootIdLsb() {
        return seg.get(I64, OFF_BOOT_LSB);
    }

    public UUID bootId() {
        return new UUID(bootIdMsb(), bootIdLsb());
    }

    public long firstTs() {
        return seg.get(I64, OFF_FIRST_TS);
    }

    public long lastTs() {
        return seg.get(I64, OFF_LAST_TS);
    }

    public long lost() {
        return seg.get(I64, OFF_LOST);
    }

    /** Events of this stream before this frame's first record, delivered or lost. */
    public long firstIndex() {
        return seg.get(I64, OFF_FIRST_INDEX);
    }

    /**
     * Events lost between {@code previous} (the last frame received of the same stream) and this
     * frame: those the sender reported plus those in frames that never arrived.
     */
    public static long lossBetween(long previousFirstIndex, int previousCount, long firstIndex, long lost) {
        long expected = previousFirstIndex + previousCount + lost;
        return lost + Math.max(0, firstIndex - expected);
    }

    public String node() {
        return new String(data, FIXED_HEADER, nodeLen, StandardCharsets.UTF_8);
    }

    /** The whole frame's memory; records lie in [{@link #payloadStart}, {@link #payloadEnd}). */
    public MemorySegment segment() {
        return seg;
    }

    public int payloadStart() {
        return payloadStart;
    }

    public int payloadEnd() {
        return payloadStart + payloadLen;
    }

    /** The offset of the record after the one at {@code offset}. */
    public int nextRecord(int offset) {
        return offset + seg.get(I32, offset + lenOffset(kind));
    }
}
