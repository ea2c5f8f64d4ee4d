package io.peregrine.rules.runtime.events;

/** A frame that cannot be evaluated: counted and dropped, since redelivering it cannot help. */
public final class MalformedFrameException extends RuntimeException {

    public MalformedFrameException(String message) {
        super(message);
    }
}
