package io.peregrine.protocol.frame;

/** A frame that cannot be decoded; it is counted and skipped, never half-applied. */
public final class FrameFormatException extends Exception {

    private final long offset;

    public FrameFormatException(String message, long offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    /** Byte offset in the frame where decoding failed. */
    public long offset() {
        return offset;
    }
}
