package io.peregrine.driver.capture;

import io.peregrine.protocol.event.EventRecord;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes a Peregrine capture file: the header, then each record's bytes as they are. */
public final class CaptureFileWriter implements AutoCloseable {
    private final OutputStream out;
    private byte[] copy = new byte[1 << 16];
    private long eventsWritten;

    public CaptureFileWriter(OutputStream out, CaptureHeader header) throws IOException {
        this.out = out;
        byte[] node = header.nodeName().getBytes(StandardCharsets.UTF_8);
        if (node.length > 0xFFFF) {
            throw new IllegalArgumentException("node name longer than 65535 bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(CaptureHeader.FIXED + node.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(CaptureHeader.MAGIC);
        b.putShort((short) CaptureHeader.MAJOR).putShort((short) CaptureHeader.MINOR);
        b.putInt(CaptureHeader.FIXED + node.length);
        // boot id as its 16 bytes in text order
        b.order(ByteOrder.BIG_ENDIAN).putLong(header.bootId().getMostSignificantBits())
                .putLong(header.bootId().getLeastSignificantBits()).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.startTimeNs());
        b.putShort((short) node.length).put(node);
        out.write(b.array());
    }

    /** Creates a capture file, gzip-compressed when the name ends in ".gz". */
    public static CaptureFileWriter create(Path file, CaptureHeader header) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        return new CaptureFileWriter(os, header);
    }

    public void write(EventRecord r) throws IOException {
        int len = r.len();
        if (len > copy.length) {
            copy = new byte[Math.max(len, copy.length * 2)];
        }
        MemorySegment.copy(r.segment(), ValueLayout.JAVA_BYTE, r.offset(), copy, 0, len);
        out.write(copy, 0, len);
        eventsWritten++;
    }

    public long eventsWritten() {
        return eventsWritten;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
