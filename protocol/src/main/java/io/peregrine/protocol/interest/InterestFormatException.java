package io.peregrine.protocol.interest;

/** An interest entry that cannot be read; the previous interest stays in force. */
public final class InterestFormatException extends Exception {

    public InterestFormatException(int line, String message) {
        super("interest entry, line " + line + ": " + message);
    }
}
