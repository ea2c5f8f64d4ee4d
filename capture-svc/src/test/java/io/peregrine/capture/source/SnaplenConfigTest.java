package io.peregrine.capture.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** peregrine.capture.snaplen out of range stops the live start with a message naming the bounds. */
class SnaplenConfigTest {
    @Test
    void outOfRangeIsRefusedBeforeLoading() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sources.open("live", Path.of("/"), Exclusions.SELF, 8193));
        assertEquals("snaplen must be between 0 and 8192 bytes: 8193", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sources.open("live", Path.of("/"), Exclusions.SELF, -1));
    }
}
