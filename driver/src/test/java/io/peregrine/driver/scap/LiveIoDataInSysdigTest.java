package io.peregrine.driver.scap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.bpf.Syscall;
import io.peregrine.driver.live.LiveOptions;
import io.peregrine.driver.live.LiveSource;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.scap.SysdigFormatter;
import io.peregrine.protocol.scap.SysdigLegacyParams;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live I/O events with their data -> .scap -> sysdig 0.29.3: a python program moves known bytes
 * through a pipe, a file, loopback TCP and UDP; its read, write, sendto, recvfrom, sendmsg and recvmsg
 * events print in sysdig with the same arguments as Peregrine renders them (data included), and
 * sysdig's evt.buffer (base64, -b) holds the same bytes as the records.
 */
class LiveIoDataInSysdigTest {
    static final Set<Integer> IO_TYPES = Set.of(EventCodes.PPME_SYSCALL_READ_X, EventCodes.PPME_SYSCALL_WRITE_X,
            EventCodes.PPME_SOCKET_SENDTO_X, EventCodes.PPME_SOCKET_RECVFROM_X, EventCodes.PPME_SOCKET_SENDMSG_X,
            EventCodes.PPME_SOCKET_RECVMSG_X);

    @Test
    void ioDataPrintsInSysdig(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("io-data.py");
        try (InputStream in = getClass().getResourceAsStream("/io/peregrine/driver/live/io-data.py")) {
            Files.write(script, in.readAllBytes());
        }
        EnumSet<Syscall> selected = EnumSet.copyOf(Syscall.defaults());
        selected.addAll(EnumSet.of(Syscall.READ, Syscall.WRITE, Syscall.SENDTO, Syscall.RECVFROM, Syscall.SENDMSG,
                Syscall.RECVMSG));
        List<byte[]> seeds = new ArrayList<>();
        List<byte[]> events = new ArrayList<>();
        long pid;
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSyscalls(selected).withSnaplen(120))) {
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "sd", tmp.toString())
                    .redirectErrorStream(true).start();
            pid = p.pid();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            boolean[] exited = {false};
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            while (!exited[0]) {
                src.poll(r -> {
                    if (EventTable.isSynthetic(r.type())) {
                        seeds.add(copy(r));
                    } else if (r.tid() == pid) {
                        events.add(copy(r));
                        exited[0] |= r.type() == EventCodes.PPME_PROCEXIT_1_E;
                    }
                }, 4096);
                assertTrue(System.nanoTime() < deadline, "the program's exit never arrived");
            }
        }
        Path file = tmp.resolve("io.scap");
        EventRecord rec = new EventRecord();
        try (ScapWriter w = ScapWriter.create(file, null)) {
            for (byte[] s : seeds) {
                w.write(rec.wrap(MemorySegment.ofArray(s), 0));
            }
            for (byte[] e : events) {
                w.write(rec.wrap(MemorySegment.ofArray(e), 0));
            }
        }
        SysdigFormatter f = new SysdigFormatter();
        List<Decoded> expected = new ArrayList<>();
        List<String> rawData = new ArrayList<>();
        int withData = 0;
        for (byte[] e : events) {
            rec.wrap(MemorySegment.ofArray(e), 0);
            if (!IO_TYPES.contains(rec.type())) {
                continue;
            }
            Decoded d = Decoded.of(0, rec, f);
            int n = SysdigLegacyParams.nparams(d.type(), d.args().size());
            expected.add(new Decoded(0, d.type(), d.name(), d.dir(), d.tid(), d.ts(), d.args().subList(0, n), d.raw()));
            byte[] data = rec.bytes(rec.eventType().paramIndex("data"));
            rawData.add(Base64.getEncoder().encodeToString(data));
            withData += data.length > 0 ? 1 : 0;
        }
        assertTrue(withData >= 12, "I/O events with data: " + withData + " of " + expected.size());
        String filter = "proc.pid=" + pid + " and evt.dir=< and evt.type in (read, write, sendto, recvfrom, sendmsg, recvmsg)";
        List<SysdigReference.Line> sysdig = SysdigReference.read(file, filter);
        List<String> diffs = SysdigComparison.compare(expected, sysdig, false);
        assertTrue(diffs.isEmpty(), String.join("\n", diffs));

        // the bytes themselves: with -b sysdig prints evt.buffer in base64
        List<String[]> rows = SysdigReference.fields(file, List.of("-b", filter), "%evt.buffer");
        List<String> theirs = new ArrayList<>();
        for (String[] r : rows) {
            theirs.add(r[0]);
        }
        assertEquals(rawData, theirs);
    }

    private static byte[] copy(EventRecord r) {
        byte[] b = new byte[r.len()];
        MemorySegment.copy(r.segment(), ValueLayout.JAVA_BYTE, r.offset(), b, 0, b.length);
        return b;
    }
}
