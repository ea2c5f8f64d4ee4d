package io.peregrine.driver.scap;

import io.peregrine.protocol.event.EventRecordBuilder;

/** Helpers shared by the seed producers and consumers of the .scap reader and writer. */
final class ScapSeeds {
    private ScapSeeds() {
    }

    // PPM_EXE_* bits of the execve exit "flags" parameter (execve_flags table).
    static final int EXE_WRITABLE = 1;
    static final int EXE_UPPER_LAYER = 2;
    static final int EXE_FROM_MEMFD = 4;
    static final int EXE_LOWER_LAYER = 8;

    private static final byte[] NUL = {0};

    /** Adds bytes [at, at+len) as a NUL-terminated string parameter (empty string when at < 0). */
    static void string(EventRecordBuilder b, byte[] a, int at, int len) {
        if (at < 0 || len == 0) {
            b.addBytes(NUL);
            return;
        }
        byte[] tmp = new byte[len + 1];
        System.arraycopy(a, at, tmp, 0, len);
        b.addBytes(tmp);
    }
}
