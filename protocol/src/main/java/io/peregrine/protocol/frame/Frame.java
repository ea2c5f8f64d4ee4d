package io.peregrine.protocol.frame;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The binary frame that carries a batch of records over NATS, version 1, little-endian:
 *
 * <pre>
 *  0  4 bytes  magic "PGF1"
 *  4  u16      format version (1)
 *  6  u16      kind ({@link FrameKind})
 *  8  u16      flags ({@link #FLAG_END_OF_STREAM})
 * 10  u16      node name length N
 * 12  u32      record count
 * 16  u64      sequence number, per (node, boot id), starting at 1
 * 24  u64 x2   boot id (UUID, most then least significant bits)
 * 40  u64      timestamp of the first record (ns since the epoch)
 * 48  u64      timestamp of the last record
 * 56  u64      events lost since the previous frame (kernel and queue drops)
 * 64  u32      payload length P
 * 68  u32      CRC-32C of the payload
 * 72  u64      stream index of the first record: events of this stream before it, sent or lost
 * 80  N bytes  node name, UTF-8
 * 80+N P bytes records
 * </pre>
 *
 * The sequence number and boot id let the receiver tell a gap from a restart. The stream index
 * makes loss exact: a frame should start at the previous frame's index plus its count plus its
 * own {@code lost}; anything beyond that vanished in transit. The CRC lets the receiver reject a
 * damaged payload instead of applying garbage to its state.
 */
public final class Frame {

    private Frame() {
    }

    public static final int VERSION = 1;
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final int FIXED_HEADER = 80;
    public static final int MAGIC = 'P' | 'G' << 8 | 'F' << 16 | '1' << 24;
    public static final int MAX_NODE_NAME = 253; // a DNS name, as Kubernetes node names are

    /** The last frame of a finite source (a replay): everything before it has been sent. */
    public static final int FLAG_END_OF_STREAM = 1;

    /**
     * Stamps a finished frame at the moment it is sent: its sequence number, and events lost since
     * the previous sent frame added to its loss count. The publisher owns both, so a frame dropped
     * before sending leaves no sequence gap and is reported once, as loss.
     */
    public static void stamp(byte[] frame, long sequence, long moreLost, long accountedBefore) {
        MemorySegment s = MemorySegment.ofArray(frame);
        long lost = s.get(I64, OFF_LOST) + moreLost;
        s.set(I64, OFF_SEQ, sequence);
        s.set(I64, OFF_LOST, lost);
        s.set(I64, OFF_FIRST_INDEX, accountedBefore + lost);
    }

    /** The loss count of a finished frame. */
    public static long lost(byte[] frame) {
        return MemorySegment.ofArray(frame).get(I64, OFF_LOST);
    }

    /** The record count of a finished frame. */
    public static int count(byte[] frame) {
        return MemorySegment.ofArray(frame).get(I32, OFF_COUNT);
    }

    static final int OFF_MAGIC = 0;
    static final int OFF_VERSION = 4;
    static final int OFF_KIND = 6;
    static final int OFF_FLAGS = 8;
    static final int OFF_NODE_LEN = 10;
    static final int OFF_COUNT = 12;
    static final int OFF_SEQ = 16;
    static final int OFF_BOOT_MSB = 24;
    static final int OFF_BOOT_LSB = 32;
    static final int OFF_FIRST_TS = 40;
    static final int OFF_LAST_TS = 48;
    static final int OFF_LOST = 56;
    static final int OFF_PAYLOAD_LEN = 64;
    static final int OFF_CRC = 68;
    static final int OFF_FIRST_INDEX = 72;
}
