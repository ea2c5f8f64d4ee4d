package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decoding of records exactly as the probe wrote them (recorded by {@link RecordFixture} from the
 * action script, on x86_64, kernel 6.18): independent of the kernel the tests run on.
 */
class RecordedEventsTest {
    static final String DIR = "/tmp/peregrine-fixture/pg-fixture";

    static List<CapturedEvent> load() throws Exception {
        byte[] bytes;
        try (InputStream in = RecordedEventsTest.class.getResourceAsStream("recorded-events.bin")) {
            bytes = in.readAllBytes();
        }
        MemorySegment seg = MemorySegment.ofArray(bytes);
        List<CapturedEvent> events = new ArrayList<>();
        long at = 0;
        EventRecord r = new EventRecord();
        while (at < bytes.length) {
            r.wrap(seg, at);
            assertNull(r.validate(bytes.length - at), "record at " + at);
            assertNull(CapturedEvent.conformance(r), "record at " + at);
            events.add(new CapturedEvent(r));
            at += r.len();
        }
        return events;
    }

    @Test
    void recordedProbeOutputDecodes() throws Exception {
        List<CapturedEvent> ev = load();
        List<Integer> types = ev.stream().map(CapturedEvent::type).toList();
        assertEquals(List.of(EventCodes.PPME_SYSCALL_OPENAT_2_X, EventCodes.PPME_SYSCALL_RENAME_X,
                EventCodes.PPME_SYSCALL_UNLINK_2_X, EventCodes.PPME_SOCKET_SOCKET_X, EventCodes.PPME_SOCKET_CONNECT_X,
                EventCodes.PPME_SOCKET_SOCKET_X, EventCodes.PPME_SYSCALL_MEMFD_CREATE_X, EventCodes.PPME_SYSCALL_MKDIR_2_X,
                EventCodes.PPME_SYSCALL_UNLINK_2_X, EventCodes.PPME_SYSCALL_PIPE2_X, EventCodes.PPME_SYSCALL_SETUID_X,
                EventCodes.PPME_PROCEXIT_1_E, EventCodes.PPME_PROCEXIT_1_E), types);
        long pid = ev.get(0).tid();

        CapturedEvent open = ev.get(0);
        assertEquals(DIR + ".a", open.str("name"));
        assertEquals(-100, open.num("dirfd"));
        assertEquals(2 | (1 << 2) | (1 << 8) | (1 << 12), open.num("flags"));
        assertEquals(0666, open.num("mode"));
        assertEquals(2179214, open.num("ino"));
        assertEquals(65024, open.num("dev"));
        assertTrue(open.num("fd") >= 0);
        assertTrue(open.rec.ts() > 1_700_000_000_000_000_000L, "ns since the epoch");

        assertEquals(DIR + ".a", ev.get(1).str("oldpath"));
        assertEquals(DIR + ".b", ev.get(1).str("newpath"));
        assertEquals(0, ev.get(1).num("res"));
        assertEquals(DIR + ".b", ev.get(2).str("path"));

        CapturedEvent connect = ev.get(4);
        byte[] addr = connect.bytes("addr");
        assertEquals(7, addr.length);
        assertArrayEquals(new byte[] {2, 127, 0, 0, 1}, java.util.Arrays.copyOf(addr, 5));
        byte[] tuple = connect.bytes("tuple");
        assertEquals(48922, (tuple[5] & 0xff) | (tuple[6] & 0xff) << 8, "the client's port, as the script printed it");
        assertArrayEquals(java.util.Arrays.copyOfRange(addr, 5, 7), java.util.Arrays.copyOfRange(tuple, 11, 13));
        assertEquals(ev.get(3).num("fd"), connect.num("fd"));
        assertEquals(2, ev.get(5).num("domain"));
        assertEquals(2, ev.get(5).num("type") & 0xf, "the UDP socket");

        assertEquals("pg-fixture", ev.get(6).str("name"));
        assertEquals(DIR + ".dir", ev.get(7).str("path"));
        assertEquals(0750, ev.get(7).num("mode"));
        assertEquals(DIR + ".dir.link", ev.get(8).str("path"));
        assertEquals(3, ev.get(9).num("fd1"));
        assertEquals(4, ev.get(9).num("fd2"));

        CapturedEvent setuid = ev.get(10);
        assertEquals(65534, setuid.num("uid"));
        assertEquals(0, setuid.num("res"));
        assertTrue(setuid.tid() != pid);
        assertEquals(setuid.tid(), ev.get(11).tid());
        assertEquals(7, ev.get(11).num("ret"));
        assertEquals(pid, ev.get(12).tid());
        assertEquals(0, ev.get(12).num("ret"));
    }

    @Test
    void aCutRecordIsReportedNotDecoded() throws Exception {
        byte[] bytes;
        try (InputStream in = RecordedEventsTest.class.getResourceAsStream("recorded-events.bin")) {
            bytes = in.readAllBytes();
        }
        EventRecord r = new EventRecord().wrap(MemorySegment.ofArray(bytes), 0);
        int first = r.len();
        String why = r.validate(first - 1);
        assertEquals("record length " + first + " exceeds the " + (first - 1) + " bytes available", why);
    }
}
