package io.peregrine.driver.scap;

import io.peregrine.protocol.scap.SysdigFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Event blocks with flags (EVF, type 0x217): a fixture whose V2 event blocks are rewritten as
 * flagged blocks reads as the same events with the flags exposed, and sysdig prints it the same.
 */
class ScapFlaggedBlocksTest {
    @TempDir
    Path tmp;

    @Test
    void flaggedEventBlocksReadLikePlainOnes() throws Exception {
        Path fx = Fixtures.scapDir().resolve("psp_write_tmp_test.scap");
        byte[] plain;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(fx))) {
            plain = in.readAllBytes();
        }
        ByteBuffer src = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int converted = 0;
        for (int off = 0; off < plain.length; ) {
            int type = src.getInt(off);
            int total = src.getInt(off + 4);
            if (type == ScapBlocks.EV_V2) {
                int flags = (1 << 20) | (converted << 12); // bits sysdig gives no meaning (low bits mark state-only events)
                ByteBuffer b = ByteBuffer.allocate(total + 4).order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(ScapBlocks.EVF_V2).putInt(total + 4);
                b.put(plain, off + 8, 2).putInt(flags);
                b.put(plain, off + 10, total - 14);
                b.putInt(total + 4);
                out.write(b.array());
                converted++;
            } else {
                out.write(plain, off, total);
            }
            off += total;
        }
        assertTrue(converted > 100);
        Path flagged = tmp.resolve("flagged.scap");
        Files.write(flagged, out.toByteArray());

        List<Decoded> a = new ArrayList<>();
        List<Decoded> b = new ArrayList<>();
        List<Integer> flags = new ArrayList<>();
        try (ScapReader r = ScapReader.open(fx)) {
            a = Decoded.readAll(r, r::eventNumber, null);
        }
        try (ScapReader r = ScapReader.open(flagged)) {
            SysdigFormatter f = new SysdigFormatter();
            List<Decoded> got = b;
            r.drain(e -> {
                if (!io.peregrine.protocol.event.EventTable.isSynthetic(e.type())) {
                    got.add(Decoded.of(r.eventNumber(), e, f));
                    flags.add(r.blockFlags());
                }
            });
        }
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).num(), b.get(i).num());
            assertArrayEquals(a.get(i).raw(), b.get(i).raw());
            assertEquals((1 << 20) | (i << 12), flags.get(i));
        }
        assertEquals(SysdigReference.read(fx), SysdigReference.read(flagged));
    }
}
