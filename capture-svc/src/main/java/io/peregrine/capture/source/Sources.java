package io.peregrine.capture.source;

import io.peregrine.capture.pipeline.CaptureSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the source named in configuration: {@code live}, or a capture file to replay. */
public final class Sources {

    private Sources() {
    }

    public static CaptureSource open(String spec) throws IOException {
        return open(spec, Path.of("/"));
    }

    /** @param hostRoot where the host's root is mounted, for the live capture's /proc scan */
    public static CaptureSource open(String spec, Path hostRoot) throws IOException {
        return open(spec, hostRoot, Exclusions.SELF);
    }

    /** @param exclusions what a live capture leaves out (a file replays what it holds) */
    public static CaptureSource open(String spec, Path hostRoot, Exclusions exclusions) throws IOException {
        if (spec == null || spec.isBlank() || spec.equals("live")) {
            return LiveCapture.open(hostRoot, exclusions);
        }
        Path file = Path.of(spec);
        if (!Files.isReadable(file)) {
            throw new IOException("capture file " + file + " does not exist or is not readable");
        }
        return FileCapture.open(file);
    }
}
