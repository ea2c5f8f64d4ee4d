package io.peregrine.capture.pipeline;

import io.peregrine.driver.source.EventSource;

import java.io.IOException;
import java.util.Set;

/**
 * An event source as capture-svc drives it: the events, plus what only a live source has —
 * the kernel's own loss counter and the kernel-side selection of syscalls.
 */
public interface CaptureSource extends AutoCloseable {

    EventSource events();

    /** A name for status and logs: {@code live}, or the file that is replayed. */
    String description();

    /** True for files: the stream ends, and waiting for the publisher is better than dropping. */
    boolean finite();

    /** Events the kernel could not hand over (ring full), in total since start. */
    default long kernelLost() {
        return 0;
    }

    /**
     * Restricts the kernel to these event types ({@code evt.type} names) plus the ones state needs;
     * {@code all} selects everything. A file source ignores it.
     */
    default void select(Set<String> eventTypes, boolean all) {
    }

    /**
     * Makes the kernel emit enter events for exactly these syscalls (names, each with an enter
     * event in the probe; see EnterSelection). A file source ignores it.
     */
    default void selectEnter(Set<String> syscalls) {
    }

    /**
     * Leaves these processes (host pids) out from now on, with every process they start; see
     * docs/driver.md, "Exclusion". A file source ignores it.
     */
    default void exclude(Set<Long> pids) throws IOException {
    }

    /** The event types currently selected in the kernel, for status; empty for files. */
    default Set<String> selection() {
        return Set.of();
    }

    @Override
    void close() throws Exception;
}
