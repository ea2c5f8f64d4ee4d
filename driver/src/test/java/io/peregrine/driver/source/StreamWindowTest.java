package io.peregrine.driver.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.capture.CaptureFileReader;
import io.peregrine.driver.scap.ScapReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Length fields that claim more than a stream holds cost no more memory than the stream's bytes. */
class StreamWindowTest {

    private static StreamWindow window(byte[] bytes, int capacity, int max) {
        return new StreamWindow(new ByteArrayInputStream(bytes), capacity, max);
    }

    @Test
    void aClaimBeyondTheStreamAllocatesOnlyWhatArrives() throws IOException {
        StreamWindow w = window(new byte[100], 16, StreamWindow.DEFAULT_MAX_WINDOW);
        assertEquals(100, w.ensure(StreamWindow.DEFAULT_MAX_WINDOW));
        assertTrue(w.array().length <= 1 << 16, "buffer of " + w.array().length + " bytes for a 100-byte stream");
    }

    @Test
    void theWindowGrowsAsBytesArriveAndKeepsThemInOrder() throws IOException {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        StreamWindow w = window(data, 16, 1 << 20);
        w.ensure(10);
        w.skip(7);
        assertEquals(250_000, w.ensure(250_000));
        for (int i = 0; i < 250_000; i++) {
            assertEquals((byte) (i + 7), w.array()[w.position() + i]);
        }
        assertEquals(7, w.offset());
    }

    @Test
    void aClaimBeyondTheMaximumIsACaptureFormatError() throws IOException {
        StreamWindow w = window(new byte[64], 16, 1 << 20);
        w.ensure(8);
        w.skip(8);
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> w.ensure((1 << 20) + 1));
        assertEquals(8, e.offset());
        assertTrue(e.getMessage().contains("1048577 bytes is larger than the 1048576"), e.getMessage());
    }

    @Test
    void peregrineHeaderClaimingTwoGibibytesIsRefusedFromItsFields() {
        // Magic, version 1.0, header length 0x7fffffff, then 26 zero bytes (boot id, start, name length 0).
        ByteBuffer b = ByteBuffer.allocate(42).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'P', 'R', 'G', 'N', 'C', 'A', 'P', 0x1a}).putShort((short) 1).putShort((short) 0)
                .putInt(0x7fffffff);
        StreamWindow w = window(b.array(), 16, StreamWindow.DEFAULT_MAX_WINDOW);
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> new CaptureFileReader(w));
        assertTrue(e.getMessage().contains("corrupt Peregrine capture header: length 2147483647"), e.getMessage());
        assertTrue(w.array().length <= 1 << 16);
    }

    @Test
    void scapBlockClaimingAGibibyteOnATinyFileIsTruncatedNotAllocated() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x0A0D0D0A).putInt(1 << 30).putInt(0x1A2B3C4D);
        StreamWindow w = window(b.array(), 16, StreamWindow.DEFAULT_MAX_WINDOW);
        try (ScapReader r = new ScapReader(w)) {
            CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> r.drain(rec -> { }));
            assertTrue(e.getMessage().contains("needs 1073741824 bytes, 12 left"), e.getMessage());
        }
        assertTrue(w.array().length <= 1 << 16);
    }
}
