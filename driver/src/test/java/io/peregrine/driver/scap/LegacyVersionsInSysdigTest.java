package io.peregrine.driver.scap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventRecordBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * accept4 and bpf records in the probe's (current) versions are written as the older versions that
 * sysdig 0.29.3 knows (it skips codes above 335 silently), and Peregrine reads them back.
 * sysdig 0.29 printed no accept4 event of a Peregrine recording before.
 */
class LegacyVersionsInSysdigTest {
    static final byte[] TUPLE = {2, 127, 0, 0, 1, (byte) 0x40, (byte) 0x9c, 127, 0, 0, 1, (byte) 0x90, 0x1f};

    @Test
    void accept4AndBpfPrintInSysdig(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("legacy.scap");
        EventRecordBuilder b = new EventRecordBuilder();
        EventRecord rec = new EventRecord();
        long tid = 4243;
        long ts = 1_700_000_000_000_000_000L;
        try (ScapWriter w = ScapWriter.create(file, null)) {
            CurrentLayoutEventsInSysdigTest.seedThread(b, tid);
            w.write(rec.wrap(b.segment(), 0));
            b.begin(ts++, tid, EventCodes.PPME_SOCKET_ACCEPT4_6_E, 1).addU32(0x800).finish();
            w.write(rec.wrap(b.segment(), 0));
            b.begin(ts++, tid, EventCodes.PPME_SOCKET_ACCEPT4_6_X, 6).addI64(5).addBytes(TUPLE).addU8(0).addU32(0)
                    .addU32(128).addU32(0x800).finish();
            w.write(rec.wrap(b.segment(), 0));
            b.begin(ts++, tid, EventCodes.PPME_SYSCALL_BPF_2_E, 1).addI64(5).finish();
            w.write(rec.wrap(b.segment(), 0));
            b.begin(ts++, tid, EventCodes.PPME_SYSCALL_BPF_2_X, 2).addI64(6).addU32(5).finish();
            w.write(rec.wrap(b.segment(), 0));
            b.begin(ts++, tid, EventCodes.PPME_SYSCALL_BPF_2_X, 2).addI64(-1).addU32(0).finish();
            w.write(rec.wrap(b.segment(), 0));
        }
        List<String> printed = new ArrayList<>();
        for (SysdigReference.Line l : SysdigReference.read(file)) {
            printed.add(l.dir() + l.type() + " " + l.args().strip());
        }
        // sysdig 0.29's table names the accept4 events "accept", as its own driver wrote them for accept4
        assertEquals(List.of(
                ">accept flags=800",
                "<accept fd=5(<4t>127.0.0.1:40000->127.0.0.1:8080) tuple=127.0.0.1:40000->127.0.0.1:8080 queuepct=0 queuelen=0 queuemax=128",
                ">bpf cmd=5",
                "<bpf res_or_fd=6",
                "<bpf res_or_fd=-1(EPERM)"), printed);

        List<String> read = new ArrayList<>();
        try (ScapReader r = ScapReader.open(file)) {
            r.drain(e -> {
                if (e.type() == EventCodes.PPME_SOCKET_ACCEPT4_5_X) {
                    assertArrayEquals(TUPLE, e.bytes(1));
                }
                read.add(e.type() + "/" + e.nparams() + "/" + e.len());
            });
        }
        assertEquals(List.of(
                EventCodes.PEREGRINE_SEED_THREAD_E + "/38/" + read.get(0).split("/")[2],
                EventCodes.PPME_SOCKET_ACCEPT4_5_E + "/1/32",
                EventCodes.PPME_SOCKET_ACCEPT4_5_X + "/5/" + (26 + 10 + 8 + 13 + 1 + 4 + 4),
                EventCodes.PPME_SYSCALL_BPF_E + "/1/36",
                EventCodes.PPME_SYSCALL_BPF_X + "/1/37",
                EventCodes.PPME_SYSCALL_BPF_X + "/1/37"), read);
    }
}
