package io.peregrine.protocol.frame;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class FrameCodecTest {

    private static final UUID BOOT = UUID.fromString("6f1c2a44-9d0e-4b57-8a3e-0c1d2e3f4a5b");

    /** A minimal event record: 26-byte header, {@code nparams} u16 lengths, then the params. */
    static byte[] record(long ts, long tid, int type, byte[]... params) {
        int len = 26 + 2 * params.length;
        for (byte[] p : params) {
            len += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(ts).putLong(tid).putInt(len).putShort((short) type).putInt(params.length);
        for (byte[] p : params) {
            b.putShort((short) p.length);
        }
        for (byte[] p : params) {
            b.put(p);
        }
        return b.array();
    }

    private static byte[] threeEventFrame(FrameEncoder enc) {
        byte[] r1 = record(100, 7, 2, "/etc/passwd".getBytes(), new byte[] {0, 0, 0, 0});
        enc.add(r1, 0, r1.length, 100);
        byte[] r2 = record(200, 8, 3, new byte[8]);
        enc.add(r2, 0, r2.length, 200);
        byte[] r3 = record(300, 7, 5);
        enc.add(r3, 0, r3.length, 300);
        return enc.finish(17, 0);
    }

    @Test
    void roundTripsHeaderAndRecords() throws Exception {
        FrameEncoder enc = new FrameEncoder(FrameKind.RAW_EVENTS, "node-a", BOOT, 64);
        byte[] frame = threeEventFrame(enc);
        FrameView v = new FrameView().wrap(frame);
        assertEquals(FrameKind.RAW_EVENTS, v.kind());
        assertEquals("node-a", v.node());
        assertEquals(BOOT, v.bootId());
        assertEquals(1, v.sequence());
        assertEquals(3, v.count());
        assertEquals(100, v.firstTs());
        assertEquals(300, v.lastTs());
        assertEquals(17, v.lost());
        assertFalse(v.endOfStream());

        List<Long> tids = new ArrayList<>();
        for (int p = v.payloadStart(); p < v.payloadEnd(); p = v.nextRecord(p)) {
            tids.add(v.segment().get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), p + 8));
        }
        assertEquals(List.of(7L, 8L, 7L), tids);
    }

    @Test
    void sequenceAdvancesAndEndOfStreamMayBeEmpty() throws Exception {
        FrameEncoder enc = new FrameEncoder(FrameKind.RAW_EVENTS, "n", BOOT, 16);
        threeEventFrame(enc);
        assertEquals(2, enc.nextSequence());
        byte[] eos = enc.finish(0, Frame.FLAG_END_OF_STREAM);
        FrameView v = new FrameView().wrap(eos);
        assertEquals(2, v.sequence());
        assertEquals(0, v.count());
        assertTrue(v.endOfStream());
        assertEquals(v.payloadStart(), v.payloadEnd());
    }

    @Test
    void streamIndexMakesTransitLossExact() throws Exception {
        FrameEncoder enc = new FrameEncoder(FrameKind.RAW_EVENTS, "n", BOOT, 64);
        byte[] r = record(1, 1, 5);
        FrameView v = new FrameView();
        enc.add(r, 0, r.length, 1);
        enc.add(r, 0, r.length, 1);
        byte[] f1 = enc.finish(0, 0);      // events 0-1
        enc.add(r, 0, r.length, 1);
        enc.add(r, 0, r.length, 1);
        enc.add(r, 0, r.length, 1);
        enc.finish(4, 0);                  // 4 lost, then events 6-8: this frame vanishes in transit
        enc.add(r, 0, r.length, 1);
        byte[] f3 = enc.finish(2, 0);      // 2 lost, then event 11
        v.wrap(f1);
        assertEquals(0, v.firstIndex());
        long prevIndex = v.firstIndex();
        int prevCount = v.count();
        v.wrap(f3);
        assertEquals(11, v.firstIndex());
        assertEquals(3, v.sequence());
        // 4 + 3 in the vanished frame, 2 reported by this one
        assertEquals(9, FrameView.lossBetween(prevIndex, prevCount, v.firstIndex(), v.lost()));
        assertEquals(2, FrameView.lossBetween(6, 3, 11, 2), "nothing vanished: only the reported loss");
    }

    @Test
    void rejectsWhatItCannotTrust() {
        byte[] good = threeEventFrame(new FrameEncoder(FrameKind.RAW_EVENTS, "node-a", BOOT, 64));

        assertRejected(Arrays.copyOf(good, 10), "shorter than the 80-byte header");
        assertRejected(Arrays.copyOf(good, good.length - 1), "does not match the frame size");

        byte[] magic = good.clone();
        magic[0] = 'X';
        assertRejected(magic, "bad magic");

        byte[] version = good.clone();
        version[Frame.OFF_VERSION] = 9;
        assertRejected(version, "unsupported frame version 9");

        byte[] kind = good.clone();
        kind[Frame.OFF_KIND] = 42;
        assertRejected(kind, "unknown frame kind 42");

        byte[] payload = good.clone();
        payload[payload.length - 1] ^= 0x5a;
        assertRejected(payload, "checksum mismatch");

        byte[] count = good.clone();
        count[Frame.OFF_COUNT] = 4;
        assertRejected(count, "header says 4 records, payload holds 3");
    }

    @Test
    void rejectsRecordsThatDoNotTileThePayload() {
        // A record claiming more bytes than the payload holds, with a valid checksum over it.
        FrameEncoder enc = new FrameEncoder(FrameKind.RAW_EVENTS, "n", BOOT, 64);
        byte[] r = record(1, 1, 2, new byte[4]);
        ByteBuffer.wrap(r).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 4096);
        enc.add(r, 0, r.length, 1);
        FrameFormatException e = assertThrows(FrameFormatException.class, () -> new FrameView().wrap(enc.finish(0, 0)));
        assertTrue(e.getMessage().contains("record length 4096 out of bounds"), e.getMessage());
    }

    @Test
    void randomDamageIsRejectedOrHarmlessNeverACrash() {
        byte[] good = threeEventFrame(new FrameEncoder(FrameKind.RAW_EVENTS, "node-a", BOOT, 64));
        Random rnd = new Random(42);
        FrameView v = new FrameView();
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bad = good.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int f = 0; f < flips; f++) {
                bad[rnd.nextInt(bad.length)] ^= (byte) (1 + rnd.nextInt(255));
            }
            byte[] cut = rnd.nextInt(4) == 0 ? Arrays.copyOf(bad, rnd.nextInt(bad.length)) : bad;
            try {
                v.wrap(cut);
                for (int p = v.payloadStart(); p < v.payloadEnd(); p = v.nextRecord(p)) {
                    assertTrue(v.nextRecord(p) > p);
                }
            } catch (FrameFormatException expected) {
                rejected++;
            }
        }
        // Damage to the payload or the structural fields is caught; only flips in free fields
        // (timestamps, sequence, lost, node name, boot id, flags) pass, and those are valid frames.
        assertTrue(rejected > 10_000, "rejected " + rejected);
    }

    private static void assertRejected(byte[] frame, String message) {
        FrameFormatException e = assertThrows(FrameFormatException.class, () -> new FrameView().wrap(frame));
        assertTrue(e.getMessage().contains(message), () -> "expected '" + message + "' in: " + e.getMessage());
    }
}
