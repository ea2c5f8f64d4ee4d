package io.peregrine.rules.runtime.events;

import java.util.concurrent.CompletionStage;

/** Evaluates one frame of projected events; completes when its alerts are safely published. */
@FunctionalInterface
public interface FrameHandler {

    CompletionStage<?> onFrame(byte[] frame);
}
