package io.peregrine.driver.source;

import java.io.IOException;

/**
 * A capture file (.scap or Peregrine's own) is truncated or corrupt. {@link #offset()} is the byte
 * offset in the (uncompressed) stream of the block or record that could not be read; every event
 * before it has been delivered.
 */
public class CaptureFormatException extends IOException {
    private final long offset;

    public CaptureFormatException(long offset, String message) {
        super(message + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
