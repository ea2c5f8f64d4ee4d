package io.peregrine.state.frames;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.ParamInfo;
import io.peregrine.protocol.frame.Frame;
import io.peregrine.protocol.frame.FrameEncoder;
import io.peregrine.protocol.frame.FrameKind;
import io.peregrine.state.threads.ProcResync;
import io.peregrine.state.threads.ThreadTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Drift repair against this machine's real /proc: threads the kernel no longer has leave the table. */
class ProcResyncTest {
    private static final long S = 1_000_000_000L;
    private static final long GRACE = 10 * S;
    private static final long WINDOW = TimeUnit.MINUTES.toNanos(5);

    private final EventRecordBuilder b = new EventRecordBuilder();
    private final FrameApplier applier = new FrameApplier();
    private final ProcResync proc = new ProcResync(Path.of("/proc"));
    private final long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());

    @Test
    void vanishedThreadsLeaveLiveOnesStay() throws Exception {
        long self = ProcessHandle.current().pid();
        // Above pid_max: no such process can exist while the test runs.
        long gone = pidMax() + 1000;
        assertFalse(Files.exists(Path.of("/proc/" + gone)));
        FrameEncoder f = new FrameEncoder(FrameKind.RAW_EVENTS, "this-node", UUID.randomUUID(), 4096);
        seed(f, self, self, now - 60 * S);             // alive, quiet for a minute
        seed(f, gone, gone, now - 60 * S);             // vanished process leader...
        seed(f, gone + 1, gone, now - 60 * S);         // ...and its other thread
        seed(f, gone + 2, gone + 2, now - 1 * S);      // vanished, but its last event is recent
        assertFalse(applier.apply(f.finish(0, 0)).malformed());
        ThreadTable threads = applier.node("this-node").threads();
        assertEquals(4, threads.size());

        assertEquals(2, applier.resync("this-node", proc, now, GRACE, WINDOW));
        assertNull(threads.get(gone));
        assertNull(threads.get(gone + 1));
        assertNotNull(threads.get(self), "a live process stays");
        assertNotNull(threads.get(gone + 2), "within the grace period its exit may still be on the way");
        assertEquals(2, applier.resyncRemoved());
        assertEquals(1, applier.resyncs());

        // Later, once the stream has moved past the grace period, the last one goes as well.
        seed(f, self, self, now + 30 * S);
        assertFalse(applier.apply(f.finish(0, 0)).malformed());
        assertEquals(1, applier.resync("this-node", proc, now + 30 * S, GRACE, WINDOW));
        assertNull(threads.get(gone + 2));
        assertNotNull(threads.get(self));
        assertEquals(-1, applier.resync("other-node", proc, now, GRACE, WINDOW), "a node never seen");
    }

    @Test
    void fdsTheKernelClosedLeaveTheTableOpenOnesStay() throws Exception {
        long self = ProcessHandle.current().pid();
        Path open = Files.createTempFile("resync", ".open");
        try (var ch = java.nio.channels.FileChannel.open(open)) {
            // this JVM's fds: an open one is found in /proc/self/fd; 60000 is not open here
            int real = -1;
            try (var ds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
                for (Path p : ds) {
                    if (open.toString().equals(Files.readSymbolicLink(p).toString())) {
                        real = Integer.parseInt(p.getFileName().toString());
                    }
                }
            }
            assertTrue(real >= 0, "the test's own fd is listed");
            assertFalse(Files.exists(Path.of("/proc/self/fd/60000")));
            FrameEncoder f = new FrameEncoder(FrameKind.RAW_EVENTS, "fd-node", UUID.randomUUID(), 4096);
            seed(f, self, self, now - 60 * S);
            seedFd(f, self, real, open.toString(), now - 60 * S);
            seedFd(f, self, 60000, "/tmp/closed-while-the-close-was-lost", now - 60 * S);
            seed(f, self + 1_000_000_000L, self + 1_000_000_000L, now - 1 * S); // moves the stream's time on
            assertFalse(applier.apply(f.finish(0, 0)).malformed());
            var fds = applier.node("fd-node").threads().get(self).fds;
            assertEquals(2, fds.count());

            applier.resync("fd-node", proc, now, GRACE, WINDOW);
            assertNull(fds.get(60000), "closed in the kernel: removed");
            assertNotNull(fds.get(real), "still open: kept");
            assertEquals(open.toString(), new String(fds.get(real).name, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(1, applier.resyncFdsRemoved());
        } finally {
            Files.deleteIfExists(open);
        }
    }

    @Test
    void replaysAndOldStreamsAreLeftAlone() throws Exception {
        long gone = pidMax() + 1000;
        FrameEncoder replay = new FrameEncoder(FrameKind.RAW_EVENTS, "replayed", UUID.randomUUID(), 4096);
        seed(replay, gone, gone, now - 60 * S);
        applier.apply(replay.finish(0, Frame.FLAG_END_OF_STREAM));
        assertEquals(-1, applier.resync("replayed", proc, now, GRACE, WINDOW), "an ended stream is a replay");
        assertNotNull(applier.node("replayed").threads().get(gone));

        FrameEncoder old = new FrameEncoder(FrameKind.RAW_EVENTS, "old", UUID.randomUUID(), 4096);
        seed(old, gone, gone, 1_500_000_000L * S);
        applier.apply(old.finish(0, 0));
        assertEquals(-1, applier.resync("old", proc, now, GRACE, WINDOW), "events far from the clock are not live");
        assertNotNull(applier.node("old").threads().get(gone));
        assertEquals(0, applier.resyncs());
    }

    private void seedFd(FrameEncoder f, long tid, long fd, String name, long ts) {
        EventType t = EventTable.get(EventCodes.PEREGRINE_SEED_FD_E);
        b.begin(ts, tid, EventCodes.PEREGRINE_SEED_FD_E, t.nparams());
        for (ParamInfo p : t.params()) {
            switch (p.name()) {
                case "tid" -> b.addI64(tid);
                case "fd" -> b.addI64(fd);
                case "fdtype" -> b.addU8(1); // a file
                case "name" -> b.addString(name);
                default -> b.addEmpty();
            }
        }
        int len = b.finish();
        f.add(b.segment(), 0, len, ts);
    }

    private void seed(FrameEncoder f, long tid, long pid, long ts) {
        EventType t = EventTable.get(EventCodes.PEREGRINE_SEED_THREAD_E);
        b.begin(ts, tid, EventCodes.PEREGRINE_SEED_THREAD_E, t.nparams());
        for (ParamInfo p : t.params()) {
            switch (p.name()) {
                case "tid" -> b.addI64(tid);
                case "pid" -> b.addI64(pid);
                case "ptid" -> b.addI64(1);
                case "comm", "exe" -> b.addString("worker");
                default -> b.addEmpty();
            }
        }
        int len = b.finish();
        f.add(b.segment(), 0, len, ts);
    }

    /**
     * pid_max in one whole-buffer read: integer sysctls answer nothing to a read that does not start
     * at 0, and Files.readString makes a one-byte read first on a file that reports size 0.
     */
    private static long pidMax() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/kernel/pid_max"))) {
            return Long.parseLong(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        }
    }
}
