package io.peregrine.driver.capture;

import io.peregrine.driver.scap.ScapReader;
import io.peregrine.driver.source.CaptureFormatException;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventRecordBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** .scap fixture -> Peregrine capture file -> the same records; and its error paths. */
class CaptureFileTest {
    @TempDir
    Path tmp;

    static Path shared() {
        String env = System.getenv("PEREGRINE_SHARED");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "..", "shared");
    }

    static List<byte[]> records(io.peregrine.driver.source.EventSource src) throws IOException {
        List<byte[]> out = new ArrayList<>();
        src.drain(r -> {
            byte[] b = new byte[r.len()];
            MemorySegment.copy(r.segment(), ValueLayout.JAVA_BYTE, r.offset(), b, 0, b.length);
            out.add(b);
        });
        return out;
    }

    @Test
    void everyFixtureSurvivesACaptureFile() throws IOException {
        CaptureHeader header = CaptureHeader.of(UUID.randomUUID(), 1_700_000_000_123_456_789L, "node-a");
        try (var dir = Files.list(shared().resolve("fixtures").resolve("scap"))) {
            for (Path fx : dir.filter(p -> p.toString().endsWith(".scap")).sorted().toList()) {
                List<byte[]> expected;
                try (ScapReader r = ScapReader.open(fx)) {
                    expected = records(r);
                }
                for (String suffix : new String[] {".pcap", ".pcap.gz"}) {
                    Path out = tmp.resolve(fx.getFileName() + suffix);
                    try (CaptureFileWriter w = CaptureFileWriter.create(out, header); ScapReader r = ScapReader.open(fx)) {
                        r.drain(ev -> {
                            try {
                                w.write(ev);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                    }
                    try (CaptureFileReader r = CaptureFileReader.open(out)) {
                        assertEquals(header, r.header());
                        List<byte[]> got = records(r);
                        assertEquals(expected.size(), got.size(), fx.getFileName().toString());
                        for (int i = 0; i < got.size(); i++) {
                            assertArrayEquals(expected.get(i), got.get(i), fx.getFileName() + " record " + i);
                        }
                        assertEquals(0, r.eventsSkipped());
                    }
                }
            }
        }
    }

    @Test
    void captureFileConvertsToScapThatSysdigPrintsLikeTheOriginal() throws Exception {
        Path fx = shared().resolve("fixtures").resolve("scap").resolve("open-multiple-files.scap");
        Path cap = tmp.resolve("omf.pcap");
        Path scap = tmp.resolve("omf.scap");
        UUID boot = UUID.randomUUID();
        long n = CaptureConvert.fromScap(fx, cap, boot, "node-b");
        try (CaptureFileReader r = CaptureFileReader.open(cap)) {
            assertEquals("node-b", r.header().nodeName());
            assertEquals(boot, r.header().bootId());
            long[] first = {-1};
            try (ScapReader sr = ScapReader.open(fx)) {
                sr.drain(e -> {
                    if (first[0] < 0 && !io.peregrine.protocol.event.EventTable.isSynthetic(e.type())) {
                        first[0] = e.ts();
                    }
                });
            }
            assertEquals(first[0], r.header().startTimeNs(), "start time is the first event's");
        }
        assertEquals(n, CaptureConvert.toScap(cap, scap));
        assertEquals(sysdig(fx), sysdig(scap));
        assertTrue(sysdig(scap).contains("fd=3(<f>/tmp/file-1)"));
    }

    private static String sysdig(Path f) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/sysdig", "-r", f.toString(), "-p",
                "%evt.num %evt.type %evt.dir %thread.tid %proc.name %evt.args").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private Path sample(int n) throws IOException {
        Path out = tmp.resolve("sample.pcap");
        EventRecordBuilder b = new EventRecordBuilder();
        EventRecord rec = new EventRecord();
        try (CaptureFileWriter w = CaptureFileWriter.create(out, CaptureHeader.of(new UUID(1, 2), 5, "n"))) {
            for (int i = 0; i < n; i++) {
                b.begin(1000 + i, 42, EventCodes.PPME_SYSCALL_OPENAT_2_X, 7).addI64(3).addI64(-100)
                        .addString("/tmp/f" + i).addU32(1).addU32(0).addU32(0).addI64(i).finish();
                w.write(rec.wrap(b.segment(), 0));
            }
        }
        return out;
    }

    @Test
    void truncatedCaptureFileDeliversEverythingBeforeTheCut() throws IOException {
        Path f = sample(10);
        byte[] all = Files.readAllBytes(f);
        int header = 42 + 1;
        int recLen = (all.length - header) / 10;
        for (int cut : new int[] {header + 5, header + recLen * 3 + 30, all.length - 1}) {
            Path c = tmp.resolve("cut" + cut);
            Files.write(c, Arrays.copyOf(all, cut));
            List<Long> ts = new ArrayList<>();
            try (CaptureFileReader r = CaptureFileReader.open(c)) {
                CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> r.drain(ev -> ts.add(ev.ts())));
                int whole = (cut - header) / recLen;
                assertEquals(whole, ts.size());
                assertEquals(header + (long) whole * recLen, e.offset(), e.getMessage());
                assertTrue(e.getMessage().contains("truncated"));
            }
        }
    }

    @Test
    void corruptRecordAndUnknownTypes() throws IOException {
        Path f = sample(4);
        byte[] all = Files.readAllBytes(f);
        int header = 43;
        int recLen = (all.length - header) / 4;
        byte[] bad = all.clone();
        // record 1: unknown type -> skipped and counted
        bad[header + recLen + 20] = (byte) 0xFE;
        bad[header + recLen + 21] = (byte) 0x01;
        // record 2: a parameter length larger than the record -> error at its offset
        bad[header + 2 * recLen + 26] = (byte) 0xFF;
        bad[header + 2 * recLen + 27] = (byte) 0x7F;
        Path c = tmp.resolve("bad.pcap");
        Files.write(c, bad);
        List<Long> ts = new ArrayList<>();
        try (CaptureFileReader r = CaptureFileReader.open(c)) {
            CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> r.drain(ev -> ts.add(ev.ts())));
            assertEquals(List.of(1000L), ts);
            assertEquals(1, r.eventsSkipped());
            assertEquals(header + 2L * recLen, e.offset());
        }
        Files.write(c, "PRGNCAPX".getBytes());
        assertThrows(CaptureFormatException.class, () -> CaptureFileReader.open(c)).getMessage().contains("magic");
    }
}
