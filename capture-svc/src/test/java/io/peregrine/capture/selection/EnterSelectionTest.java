package io.peregrine.capture.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.capture.pipeline.CaptureSource;
import io.peregrine.capture.source.Sources;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured enter selection: parsing, and its effect on the real kernel through the live source. */
class EnterSelectionTest {

    @Test
    void emptyMeansNone() {
        assertEquals(Set.of(), EnterSelection.parse(null));
        assertEquals(Set.of(), EnterSelection.parse(" "));
    }

    @Test
    void namesAreTrimmed() {
        assertEquals(Set.of("connect", "openat"), EnterSelection.parse("openat, connect"));
    }

    @Test
    void aSyscallWithoutAnEnterEventIsRefusedWithWhatIsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnterSelection.parse("openat,rename"));
        assertTrue(e.getMessage().contains("no enter event for 'rename'"), e.getMessage());
        assertTrue(e.getMessage().contains("openat"), e.getMessage());
    }

    @Test
    void anUnknownOrEmptyNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnterSelection.parse("opneat"));
        assertTrue(e.getMessage().contains("unknown syscall 'opneat'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EnterSelection.parse("openat,,kill"));
    }

    @Test
    void theLiveSourceEmitsEnterEventsOnlyForWhatIsSelected(@TempDir Path dir) throws Exception {
        try (CaptureSource src = Sources.open("live")) {
            src.selectEnter(EnterSelection.parse("openat"));
            String first = dir.resolve("pg-" + UUID.randomUUID()).toString();
            List<Integer> types = openAndCollect(src, first);
            int enter = types.indexOf(EventCodes.PPME_SYSCALL_OPENAT_2_E);
            int exit = types.indexOf(EventCodes.PPME_SYSCALL_OPENAT_2_X);
            assertTrue(enter >= 0 && enter < exit, "enter then exit for " + first + ": " + types);

            src.selectEnter(Set.of());
            String second = dir.resolve("pg-" + UUID.randomUUID()).toString();
            assertEquals(List.of(EventCodes.PPME_SYSCALL_OPENAT_2_X), openAndCollect(src, second));
        }
    }

    /** Has a shell create {@code path}; returns the types of the openat records naming it, up to its exit. */
    private static List<Integer> openAndCollect(CaptureSource src, String path) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", ": > " + path).start();
        List<Integer> types = new ArrayList<>();
        byte[] name = path.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
        while (!types.contains(EventCodes.PPME_SYSCALL_OPENAT_2_X)) {
            int n = src.events().poll((EventRecord r) -> {
                int t = r.type();
                if ((t == EventCodes.PPME_SYSCALL_OPENAT_2_E || t == EventCodes.PPME_SYSCALL_OPENAT_2_X)
                        && r.stringEquals(r.eventType().paramIndex("name"), name)) {
                    types.add(t);
                }
            }, 4096);
            if (n == 0) {
                Thread.sleep(1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the openat of " + path + " never arrived; got " + types);
            }
        }
        assertEquals(0, p.waitFor());
        return types;
    }
}
