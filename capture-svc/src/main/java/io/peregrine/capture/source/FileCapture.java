package io.peregrine.capture.source;

import io.peregrine.capture.pipeline.CaptureSource;
import io.peregrine.driver.capture.CaptureFileReader;
import io.peregrine.driver.scap.ScapReader;
import io.peregrine.driver.source.CaptureFormatException;
import io.peregrine.driver.source.EventSource;

import java.io.IOException;
import java.nio.file.Path;

/** Replay of a capture file; it ends, so the pipeline closes it with an end-of-stream frame. */
final class FileCapture implements CaptureSource {

    private final EventSource events;
    private final Path file;

    private FileCapture(EventSource events, Path file) {
        this.events = events;
        this.file = file;
    }

    /** Peregrine's own capture file if it starts with its magic, else a .scap file (either may be gzip'ed). */
    static FileCapture open(Path file) throws IOException {
        try {
            return new FileCapture(CaptureFileReader.open(file), file);
        } catch (CaptureFormatException notOurs) {
            if (notOurs.offset() != 0) {
                throw notOurs;
            }
            return new FileCapture(ScapReader.open(file), file);
        }
    }

    @Override
    public EventSource events() {
        return events;
    }

    @Override
    public String description() {
        return file.toString();
    }

    @Override
    public boolean finite() {
        return true;
    }

    @Override
    public void close() throws IOException {
        events.close();
    }
}
