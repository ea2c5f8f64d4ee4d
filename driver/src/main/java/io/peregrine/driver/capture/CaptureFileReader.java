package io.peregrine.driver.capture;

import io.peregrine.driver.source.CaptureFormatException;
import io.peregrine.driver.source.EventConsumer;
import io.peregrine.driver.source.EventSource;
import io.peregrine.driver.source.StreamWindow;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Reads a Peregrine capture file (plain or gzip) as an {@link EventSource}, delivering records in
 * place. Records of unknown types, or with more parameters than their type has, are skipped and
 * counted; a record cut short or failing validation stops the reader with its byte offset.
 */
public final class CaptureFileReader implements EventSource {
    /** Longest header accepted: the fixed part, a node name of up to 65535 bytes, and room for later minors. */
    static final int MAX_HEADER = 1 << 20;

    private final StreamWindow in;
    private final CaptureHeader header;
    private final EventRecord record = new EventRecord();
    private long eventsRead;
    private long eventsSkipped;
    private boolean done;

    public CaptureFileReader(StreamWindow in) throws IOException {
        this.in = in;
        this.header = readHeader();
    }

    public static CaptureFileReader open(Path file) throws IOException {
        StreamWindow w = StreamWindow.open(file);
        try {
            return new CaptureFileReader(w);
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
    }

    private CaptureHeader readHeader() throws IOException {
        int got = in.ensure(CaptureHeader.FIXED);
        byte[] a = in.array();
        int p = in.position();
        for (int i = 0; i < CaptureHeader.MAGIC.length; i++) {
            if (got <= i || a[p + i] != CaptureHeader.MAGIC[i]) {
                throw new CaptureFormatException(0, "not a Peregrine capture file: bad magic");
            }
        }
        if (got < CaptureHeader.FIXED) {
            throw new CaptureFormatException(0, "truncated Peregrine capture file: header cut after " + got + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(a, p, got).order(ByteOrder.LITTLE_ENDIAN);
        b.position(p + 8);
        int major = Short.toUnsignedInt(b.getShort());
        int minor = Short.toUnsignedInt(b.getShort());
        if (major != CaptureHeader.MAJOR) {
            throw new CaptureFormatException(8, "unsupported Peregrine capture major version " + major);
        }
        int hlen = b.getInt();
        b.order(ByteOrder.BIG_ENDIAN);
        UUID boot = new UUID(b.getLong(), b.getLong());
        b.order(ByteOrder.LITTLE_ENDIAN);
        long start = b.getLong();
        int nlen = Short.toUnsignedInt(b.getShort());
        if (hlen < CaptureHeader.FIXED + nlen || hlen > MAX_HEADER) {
            // Checked before the window is asked for hlen bytes: the field is the file's word, not a fact.
            throw new CaptureFormatException(12, "corrupt Peregrine capture header: length "
                    + Integer.toUnsignedString(hlen) + " (a header with a node name of " + nlen + " bytes has "
                    + (CaptureHeader.FIXED + nlen) + " to " + MAX_HEADER + ")");
        }
        got = in.ensure(hlen);
        if (got < hlen) {
            throw new CaptureFormatException(0, "truncated Peregrine capture file: header needs " + hlen + " bytes");
        }
        String node = new String(in.array(), in.position() + CaptureHeader.FIXED, nlen, StandardCharsets.UTF_8);
        in.skip(hlen);
        return new CaptureHeader(major, minor, boot, start, node);
    }

    public CaptureHeader header() {
        return header;
    }

    @Override
    public int poll(EventConsumer consumer, int max) throws IOException {
        int delivered = 0;
        while (delivered < max) {
            if (done) {
                return delivered == 0 ? -1 : delivered;
            }
            long off = in.offset();
            int got = in.ensure(EventRecord.HEADER_SIZE);
            if (got == 0) {
                done = true;
                continue;
            }
            if (got < EventRecord.HEADER_SIZE) {
                throw new CaptureFormatException(off, "truncated Peregrine capture file: record header cut after " + got + " bytes");
            }
            MemorySegment seg = in.segment();
            int len = seg.get(EventRecord.I32, in.position() + 16);
            if (len < EventRecord.HEADER_SIZE || len > (1 << 30)) {
                throw new CaptureFormatException(off, "corrupt Peregrine capture file: record length " + Integer.toUnsignedString(len));
            }
            got = in.ensure(len);
            if (got < len) {
                throw new CaptureFormatException(off, "truncated Peregrine capture file: record of " + len + " bytes, " + got + " left");
            }
            seg = in.segment();
            record.wrap(seg, in.position());
            String bad = record.validate(len);
            if (bad != null) {
                throw new CaptureFormatException(off, "corrupt Peregrine capture file: " + bad);
            }
            in.skip(len);
            EventType et = EventTable.get(record.type());
            if (et == null || record.nparams() > et.nparams()) {
                eventsSkipped++;
                continue;
            }
            eventsRead++;
            delivered++;
            consumer.accept(record);
        }
        return delivered;
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
}
