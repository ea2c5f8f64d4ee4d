package io.peregrine.state.text;

/**
 * The empty text: what fd names and thread, user and group strings hold until an event or a seed
 * sets them. One shared array, so that "no text" never allocates.
 */
public final class EmptyText {
    private EmptyText() {
    }

    public static final byte[] BYTES = new byte[0];
}
