package io.peregrine.protocol.event;

/** Enter events have even type codes, exit events odd ones (scap's pairing convention). */
public enum EventDirection {
    ENTER('>'), EXIT('<');

    private final char symbol;

    EventDirection(char symbol) {
        this.symbol = symbol;
    }

    /** The character sysdig prints for the direction. */
    public char symbol() {
        return symbol;
    }

    public static EventDirection ofType(int type) {
        return (type & 1) == 0 ? ENTER : EXIT;
    }
}
