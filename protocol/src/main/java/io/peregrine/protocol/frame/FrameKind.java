package io.peregrine.protocol.frame;

/** What a frame's payload holds. */
public enum FrameKind {
    /** Event records (docs/event-format.md), capture-svc to state-svc. */
    RAW_EVENTS(1),
    /** Projected events, state-svc to rules-svc. */
    PROJECTED_EVENTS(2);

    public final int code;

    FrameKind(int code) {
        this.code = code;
    }

    public static FrameKind of(int code) {
        for (FrameKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        return null;
    }
}
