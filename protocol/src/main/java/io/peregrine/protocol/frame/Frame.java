package io.peregrine.protocol.frame;

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
 * 72  N bytes  node name, UTF-8
 * 72+N P bytes records
 * </pre>
 *
 * The sequence number and boot id let the receiver tell a gap (loss in transit) from a restart;
 * the CRC lets it reject a damaged payload instead of applying garbage to its state.
 */
public final class Frame {

    private Frame() {
    }

    public static final int VERSION = 1;
    public static final int FIXED_HEADER = 72;
    public static final int MAGIC = 'P' | 'G' << 8 | 'F' << 16 | '1' << 24;
    public static final int MAX_NODE_NAME = 253; // a DNS name, as Kubernetes node names are

    /** The last frame of a finite source (a replay): everything before it has been sent. */
    public static final int FLAG_END_OF_STREAM = 1;

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
}
