package io.peregrine.capture.framing;

/** Sees every frame the publisher sends, on the publisher thread (recordings). */
public interface FrameTap {

    void onFrame(byte[] frame);

    /** Called when no frame came for a while, so time-bounded work can end. */
    default void onIdle() {
    }

    FrameTap NONE = new FrameTap() {
        @Override
        public void onFrame(byte[] frame) {
        }
    };
}
