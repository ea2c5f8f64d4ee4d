package io.peregrine.driver.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A sliding window over a byte stream for block and record parsers: {@link #ensure} makes {@code n}
 * bytes from the current position readable in {@link #segment()} (compacting and refilling a
 * reusable buffer), so records can be decoded in place. Offsets are stream offsets, which is what
 * error messages report.
 */
public final class StreamWindow implements AutoCloseable {
    /** What {@link #ensure} serves at most unless told otherwise: the largest length the readers accept. */
    public static final int DEFAULT_MAX_WINDOW = 1 << 30;

    private final InputStream in;
    private final int maxWindow;
    private byte[] buf;
    private MemorySegment seg;
    private int pos;
    private int end;
    private long base;
    private boolean eof;

    public StreamWindow(InputStream in, int capacity) {
        this(in, capacity, DEFAULT_MAX_WINDOW);
    }

    /**
     * A window that refuses to make more than {@code maxWindow} bytes readable at once, whatever
     * length a block or record claims.
     */
    public StreamWindow(InputStream in, int capacity, int maxWindow) {
        this.in = in;
        this.maxWindow = maxWindow;
        this.buf = new byte[Math.min(capacity, maxWindow)];
        this.seg = MemorySegment.ofArray(buf);
    }

    /** Opens a file, decompressing it when it starts with the gzip magic. */
    public static StreamWindow open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new StreamWindow(in, 1 << 20);
    }

    /**
     * Makes {@code n} bytes readable from the current position. Returns how many are readable (less
     * than {@code n} only at the end of the stream).
     *
     * <p>{@code n} usually comes from a length field of the stream itself, so the buffer grows only
     * as bytes actually arrive (at most doubling each time): a length that claims more than the
     * stream holds costs no more memory than the stream's own bytes.
     *
     * @throws CaptureFormatException when {@code n} is more than this window's maximum
     */
    public int ensure(int n) throws IOException {
        int have = end - pos;
        if (have >= n || eof) {
            return Math.min(have, n);
        }
        if (n > maxWindow) {
            throw new CaptureFormatException(offset(), "a block or record of " + Integer.toUnsignedString(n)
                    + " bytes is larger than the " + maxWindow + " bytes this reader takes");
        }
        if (pos + n > buf.length) {
            System.arraycopy(buf, pos, buf, 0, have);
            base += pos;
            end = have;
            pos = 0;
        }
        while (end - pos < n) {
            if (end == buf.length) {
                long grown = Math.min((long) n, Math.max(buf.length * 2L, 1 << 16));
                byte[] nb = new byte[(int) grown];
                System.arraycopy(buf, 0, nb, 0, end);
                buf = nb;
                seg = MemorySegment.ofArray(buf);
            }
            int r;
            try {
                r = in.read(buf, end, buf.length - end);
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                // a gzip stream cut short or damaged: report where the unreadable data starts
                throw new CaptureFormatException(offset(), "compressed stream is truncated or corrupt: " + e.getMessage());
            }
            if (r < 0) {
                eof = true;
                break;
            }
            end += r;
        }
        return Math.min(end - pos, n);
    }

    /** The buffer, valid until the next {@link #ensure}. */
    public MemorySegment segment() {
        return seg;
    }

    public byte[] array() {
        return buf;
    }

    /** Index of the current position in {@link #segment()}. */
    public int position() {
        return pos;
    }

    /** Stream offset of the current position. */
    public long offset() {
        return base + pos;
    }

    public void skip(int n) {
        pos += n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
