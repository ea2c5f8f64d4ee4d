package io.peregrine.capture.recording;

/** The file format of a recording. */
public enum RecordingFormat {
    /** Peregrine's own capture file (docs/event-format.md). */
    PEREGRINE(".pcap.peregrine"),
    /** Falco/sysdig capture file, opened by sysdig, Falco and Stratoshark. */
    SCAP(".scap");

    public final String extension;

    RecordingFormat(String extension) {
        this.extension = extension;
    }
}
