package io.peregrine.driver.scap;

import io.peregrine.driver.source.CaptureFormatException;
import io.peregrine.driver.source.EventConsumer;
import io.peregrine.driver.source.EventSource;
import io.peregrine.driver.source.StreamWindow;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a Falco/sysdig .scap capture (plain or gzip) as an {@link EventSource}. The process, fd,
 * interface, user and group lists become seed events (docs/event-format.md), delivered before the
 * events that follow them. Events of V2 blocks are delivered in place; events of older blocks (no
 * nparams in the header) are converted to the current header first.
 *
 * <p>Events with a type code this build does not know, or with more parameters than the table has
 * for their type, are skipped and counted. A truncated or corrupt file raises a
 * {@link CaptureFormatException} with the byte offset, after all events before it were delivered.
 */
public final class ScapReader implements EventSource {
    private static final ValueLayout.OfInt I32 = EventRecord.I32;
    private static final ValueLayout.OfLong I64 = EventRecord.I64;
    private static final ValueLayout.OfShort I16 = EventRecord.I16;

    private final StreamWindow in;
    private final EventRecord record = new EventRecord();
    private final EventRecordBuilder builder = new EventRecordBuilder();
    // Seed records produced by list blocks and not yet delivered, back to back.
    private byte[] seeds = new byte[1 << 16];
    private int seedsLen;
    private int seedsPos;
    // Old-format events are rewritten here with the current header.
    private byte[] convert = new byte[1 << 16];
    private MemorySegment convertSeg = MemorySegment.ofArray(convert);

    private boolean sawHeader;
    private boolean done;
    private int majorVersion;
    private int minorVersion;
    private MachineInfo machineInfo;
    private long eventsRead;
    private long eventsSkipped;
    private long seedsRead;
    private long blocksSkipped;
    private long eventNumber;
    private int lastCpu;
    private int lastFlags;
    private long lastBlockOffset;

    public ScapReader(StreamWindow in) {
        this.in = in;
    }

    public static ScapReader open(Path file) throws IOException {
        return new ScapReader(StreamWindow.open(file));
    }

    public static ScapReader of(InputStream stream) {
        return new ScapReader(new StreamWindow(stream, 1 << 20));
    }

    @Override
    public int poll(EventConsumer consumer, int max) throws IOException {
        int delivered = 0;
        while (delivered < max) {
            if (seedsPos < seedsLen) {
                MemorySegment s = MemorySegment.ofArray(seeds);
                record.wrap(s, seedsPos);
                seedsPos += record.len();
                seedsRead++;
                eventsRead++;
                delivered++;
                consumer.accept(record);
                continue;
            }
            if (done) {
                return delivered == 0 ? -1 : delivered;
            }
            if (nextBlock(consumer)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Reads one block; returns true when it delivered an event. */
    private boolean nextBlock(EventConsumer consumer) throws IOException {
        long blockOffset = in.offset();
        int got = in.ensure(8);
        if (got == 0) {
            if (!sawHeader) {
                throw new CaptureFormatException(blockOffset, "not a .scap file: it is empty");
            }
            done = true;
            return false;
        }
        if (got < 8) {
            throw new CaptureFormatException(blockOffset, "truncated .scap file: block header cut after " + got + " bytes");
        }
        MemorySegment seg = in.segment();
        int p = in.position();
        int type = seg.get(I32, p);
        long total = Integer.toUnsignedLong(seg.get(I32, p + 4));
        if (!sawHeader && type != ScapBlocks.SHB) {
            throw new CaptureFormatException(blockOffset, "not a .scap file: no section header block");
        }
        if (total < 12 || total > (1L << 30)) {
            throw new CaptureFormatException(blockOffset, "corrupt .scap file: block of type 0x"
                    + Integer.toHexString(type) + " has invalid length " + total);
        }
        int len = (int) total;
        got = in.ensure(len);
        if (got < len) {
            throw new CaptureFormatException(blockOffset, "truncated .scap file: block of type 0x"
                    + Integer.toHexString(type) + " needs " + len + " bytes, " + got + " left");
        }
        seg = in.segment();
        p = in.position();
        int trailer = seg.get(I32, p + len - 4);
        if (trailer != len) {
            throw new CaptureFormatException(blockOffset, "corrupt .scap file: block of type 0x"
                    + Integer.toHexString(type) + " has length " + len + " but trailer " + Integer.toUnsignedString(trailer));
        }
        int body = p + 8;
        int bodyLen = len - 12;
        boolean delivered = false;
        try {
            if (ScapBlocks.isEventBlock(type)) {
                delivered = event(consumer, seg, type, body, bodyLen, blockOffset);
            } else if (type == ScapBlocks.SHB) {
                sectionHeader(seg, body, bodyLen, blockOffset);
            } else if (type == ScapBlocks.MI || type == ScapBlocks.MI_INT) {
                machineInfo(seg, body, bodyLen, blockOffset);
            } else if (ScapBlocks.plVersion(type) > 0) {
                new ScapLists(this, seg, body, bodyLen, blockOffset).processes(ScapBlocks.plVersion(type));
            } else if (type == ScapBlocks.FDL || type == ScapBlocks.FDL_INT || type == ScapBlocks.FDL_V2) {
                new ScapLists(this, seg, body, bodyLen, blockOffset).fds(type == ScapBlocks.FDL_V2);
            } else if (type == ScapBlocks.IL || type == ScapBlocks.IL_INT || type == ScapBlocks.IL_V2) {
                new ScapLists(this, seg, body, bodyLen, blockOffset).interfaces(type == ScapBlocks.IL_V2);
            } else if (type == ScapBlocks.UL || type == ScapBlocks.UL_INT || type == ScapBlocks.UL_V2) {
                new ScapLists(this, seg, body, bodyLen, blockOffset).users(type == ScapBlocks.UL_V2);
            } else {
                // pcapng lets readers skip blocks they do not know.
                blocksSkipped++;
            }
        } catch (IndexOutOfBoundsException e) {
            throw new CaptureFormatException(blockOffset, "corrupt .scap file: block of type 0x"
                    + Integer.toHexString(type) + " overruns its length " + len);
        }
        in.skip(len);
        return delivered;
    }

    private void sectionHeader(MemorySegment seg, int body, int bodyLen, long off) throws CaptureFormatException {
        if (bodyLen < 16) {
            throw new CaptureFormatException(off, "corrupt .scap file: section header too short");
        }
        int magic = seg.get(I32, body);
        if (magic != ScapBlocks.SHB_MAGIC) {
            throw new CaptureFormatException(off, "not a .scap file: byte-order magic 0x" + Integer.toHexString(magic));
        }
        majorVersion = Short.toUnsignedInt(seg.get(I16, body + 4));
        minorVersion = Short.toUnsignedInt(seg.get(I16, body + 6));
        if (majorVersion != 1) {
            throw new CaptureFormatException(off, "unsupported .scap major version " + majorVersion);
        }
        sawHeader = true;
    }

    private void machineInfo(MemorySegment seg, int body, int bodyLen, long off) throws CaptureFormatException {
        if (bodyLen < ScapBlocks.MACHINE_INFO_SIZE) {
            throw new CaptureFormatException(off, "corrupt .scap file: machine info block too short");
        }
        int ncpus = seg.get(I32, body);
        long mem = seg.get(I64, body + 4);
        long maxPid = seg.get(I64, body + 12);
        int n = 0;
        while (n < 128 && seg.get(ValueLayout.JAVA_BYTE, body + 20 + n) != 0) {
            n++;
        }
        String host = new String(in.array(), body + 20, n, StandardCharsets.UTF_8);
        long boot = seg.get(I64, body + 148);
        long flags = seg.get(I64, body + 156);
        machineInfo = new MachineInfo(ncpus, mem, maxPid, host, boot, flags);
    }

    private boolean event(EventConsumer consumer, MemorySegment seg, int type, int body, int bodyLen, long off)
            throws CaptureFormatException {
        int p = body;
        int avail = bodyLen;
        lastBlockOffset = off;
        lastCpu = Short.toUnsignedInt(seg.get(I16, p));
        p += 2;
        avail -= 2;
        if (ScapBlocks.hasFlags(type)) {
            lastFlags = seg.get(I32, p);
            p += 4;
            avail -= 4;
        } else {
            lastFlags = 0;
        }
        boolean v2 = ScapBlocks.hasNparams(type);
        int hdr = v2 ? EventRecord.HEADER_SIZE : EventRecord.HEADER_SIZE - 4;
        if (avail < hdr) {
            throw new CaptureFormatException(off, "corrupt .scap file: event block too short for an event header");
        }
        int evType = Short.toUnsignedInt(seg.get(I16, p + 20));
        if (evType >= EventTable.SCAP_LIMIT) {
            // Like libscap: a newer capture's unknown types are skipped, not numbered.
            eventsSkipped++;
            return false;
        }
        eventNumber++;
        EventType et = EventTable.get(evType);
        if (et == null) {
            eventsSkipped++;
            return false;
        }
        long evLen = Integer.toUnsignedLong(seg.get(I32, p + 16));
        if (evLen > avail || evLen < hdr) {
            throw new CaptureFormatException(off, "corrupt .scap file: event length " + evLen
                    + " does not fit its block (" + avail + " bytes)");
        }
        if (v2) {
            record.wrap(seg, p);
            String bad = record.validate(evLen);
            if (bad != null) {
                throw new CaptureFormatException(off, "corrupt .scap file: event " + eventNumber + ": " + bad);
            }
        } else {
            if (!convertOld(seg, p, (int) evLen, et)) {
                throw new CaptureFormatException(off, "corrupt .scap file: event " + eventNumber
                        + " (" + et.name() + "): parameter lengths do not add up to the event length");
            }
        }
        if (record.nparams() > et.nparams()) {
            eventsSkipped++;
            return false;
        }
        eventsRead++;
        consumer.accept(record);
        return true;
    }

    /**
     * Rewrites an old-format event (22-byte header, no nparams) with the current header. The number of
     * parameters is the largest count, at most the table's, whose lengths add up exactly to the event
     * length (how libscap converts them).
     */
    private boolean convertOld(MemorySegment seg, int p, int evLen, EventType et) {
        int lenSize = et.paramLenSize();
        int found = -1;
        for (int n = et.nparams(); n >= 0; n--) {
            long at = (long) EventRecord.HEADER_SIZE - 4 + (long) n * lenSize;
            if (at > evLen) {
                continue;
            }
            long sum = at;
            for (int i = 0; i < n; i++) {
                long lp = p + EventRecord.HEADER_SIZE - 4 + (long) i * lenSize;
                sum += lenSize == 2 ? Short.toUnsignedInt(seg.get(I16, lp)) : Integer.toUnsignedLong(seg.get(I32, lp));
            }
            if (sum < evLen) {
                return false;
            }
            if (sum == evLen) {
                found = n;
                break;
            }
        }
        if (found < 0) {
            return false;
        }
        int newLen = evLen + 4;
        if (newLen > convert.length) {
            convert = new byte[Math.max(newLen, convert.length * 2)];
            convertSeg = MemorySegment.ofArray(convert);
        }
        MemorySegment.copy(seg, p, convertSeg, 0, 22);
        convertSeg.set(I32, 16, newLen);
        convertSeg.set(I32, 22, found);
        MemorySegment.copy(seg, p + 22, convertSeg, 26, evLen - 22);
        record.wrap(convertSeg, 0);
        return true;
    }

    /** Starts a seed record in the builder (used by the list parsers). */
    EventRecordBuilder seed(long tid, int type) {
        return builder.begin(0, tid, type, EventTable.get(type).nparams());
    }

    /** Queues the record just built for delivery. */
    void queueSeed() {
        int n = builder.finish();
        if (seedsLen + n > seeds.length) {
            byte[] ns = new byte[Math.max(seedsLen + n, seeds.length * 2)];
            System.arraycopy(seeds, seedsPos, ns, 0, seedsLen - seedsPos);
            seedsLen -= seedsPos;
            seedsPos = 0;
            seeds = ns;
        } else if (seedsPos == seedsLen) {
            seedsPos = 0;
            seedsLen = 0;
        }
        System.arraycopy(builder.array(), 0, seeds, seedsLen, n);
        seedsLen += n;
    }

    byte[] array() {
        return in.array();
    }

    /** The machine-info block, or null when the file has none. */
    public MachineInfo machineInfo() {
        return machineInfo;
    }

    public int majorVersion() {
        return majorVersion;
    }

    public int minorVersion() {
        return minorVersion;
    }

    /**
     * Number of the event last delivered, counting every event of a known type from 1 in file order
     * (sysdig's {@code evt.num}); seed events do not count.
     */
    public long eventNumber() {
        return eventNumber;
    }

    /** Byte offset (in the uncompressed stream) of the block of the event last delivered. */
    public long blockOffset() {
        return lastBlockOffset;
    }

    /** CPU of the event last delivered. */
    public int cpu() {
        return lastCpu;
    }

    /** Flags of the event block last delivered (0 for blocks without flags). */
    public int blockFlags() {
        return lastFlags;
    }

    /** Seed events delivered so far (included in {@link #eventsRead()}). */
    public long seedsRead() {
        return seedsRead;
    }

    /** Blocks of unknown types skipped. */
    public long blocksSkipped() {
        return blocksSkipped;
    }

    @Override
    public long eventsRead() {
        return eventsRead;
    }

    @Override
    public long eventsSkipped() {
        return eventsSkipped;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    static {
        // The seed codes must stay outside the scap range this build knows.
        if (EventCodes.PEREGRINE_SEED_THREAD_E < EventTable.SCAP_LIMIT) {
            throw new AssertionError("seed codes overlap the scap table");
        }
    }
}
