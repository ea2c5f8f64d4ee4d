package io.peregrine.driver.capture;

import java.util.UUID;

/**
 * The header of a Peregrine capture file (docs/event-format.md): format version, the boot id and
 * node of the machine captured, and when capture started.
 */
public record CaptureHeader(int majorVersion, int minorVersion, UUID bootId, long startTimeNs, String nodeName) {
    public static final int MAJOR = 1;
    public static final int MINOR = 0;
    /** "PRGNCAP" then 0x1A, so text tools stop early and the file is recognisable. */
    static final byte[] MAGIC = {'P', 'R', 'G', 'N', 'C', 'A', 'P', 0x1A};
    /** Fixed part of the header before the node name. */
    static final int FIXED = 42;

    public static CaptureHeader of(UUID bootId, long startTimeNs, String nodeName) {
        return new CaptureHeader(MAJOR, MINOR, bootId, startTimeNs, nodeName);
    }
}
