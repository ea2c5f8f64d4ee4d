package io.peregrine.capture.recording;

import io.peregrine.protocol.event.EventRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One recording: events written to a file until it is stopped, its duration has passed or it holds
 * its event count. Written on the publisher thread, frame by frame.
 */
public final class Recording {

    public enum State { RECORDING, DONE, FAILED }

    private final String id;
    private final Path file;
    private final RecordingFormat format;
    private final Instant started;
    private final long deadlineNanos;
    private final long maxEvents;
    private final EventWriter writer;
    private volatile long events;
    private volatile State state = State.RECORDING;
    private volatile String error;
    private volatile Instant ended;

    Recording(String id, Path file, RecordingFormat format, long maxSeconds, long maxEvents, EventWriter writer) {
        this.id = id;
        this.file = file;
        this.format = format;
        this.started = Instant.now();
        this.deadlineNanos = maxSeconds > 0 ? System.nanoTime() + maxSeconds * 1_000_000_000L : Long.MAX_VALUE;
        this.maxEvents = maxEvents > 0 ? maxEvents : Long.MAX_VALUE;
        this.writer = writer;
    }

    /** Writes one event; returns false once the recording is complete. */
    synchronized boolean write(EventRecord event) {
        if (state != State.RECORDING) {
            return false;
        }
        if (events >= maxEvents || System.nanoTime() >= deadlineNanos) {
            finish(null);
            return false;
        }
        try {
            writer.write(event);
            events++;
        } catch (IOException e) {
            finish(e.getMessage());
            return false;
        }
        return true;
    }

    /** Closes the file if the duration has passed, even when no event comes. */
    synchronized void checkDeadline() {
        if (state == State.RECORDING && System.nanoTime() >= deadlineNanos) {
            finish(null);
        }
    }

    synchronized void finish(String failure) {
        if (state != State.RECORDING) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            failure = failure != null ? failure : e.getMessage();
        }
        error = failure;
        state = failure == null ? State.DONE : State.FAILED;
        ended = Instant.now();
    }

    public String id() {
        return id;
    }

    public Path file() {
        return file;
    }

    public RecordingFormat format() {
        return format;
    }

    public Instant started() {
        return started;
    }

    public Instant ended() {
        return ended;
    }

    public long events() {
        return events;
    }

    public State state() {
        return state;
    }

    public String error() {
        return error;
    }
}
