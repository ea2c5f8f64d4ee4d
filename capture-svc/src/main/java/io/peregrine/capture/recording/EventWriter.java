package io.peregrine.capture.recording;

import io.peregrine.protocol.event.EventRecord;

import java.io.IOException;

/** One recording file being written, whatever its format. */
interface EventWriter extends AutoCloseable {

    void write(EventRecord event) throws IOException;

    @Override
    void close() throws IOException;
}
