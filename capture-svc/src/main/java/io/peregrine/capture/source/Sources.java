package io.peregrine.capture.source;

import io.peregrine.capture.pipeline.CaptureSource;
import io.peregrine.driver.bpf.Probe;

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
        return open(spec, hostRoot, Exclusions.SELF, Probe.DEFAULT_SNAPLEN);
    }

    /**
     * @param hostRoot   where the host's root is mounted, for the live capture's /proc scan
     * @param exclusions what a live capture leaves out (a file replays what it holds)
     * @param snaplen    bytes of an I/O call's buffer the live capture keeps (0 to {@link Probe#MAX_SNAPLEN})
     */
    public static CaptureSource open(String spec, Path hostRoot, Exclusions exclusions, int snaplen) throws IOException {
        if (spec == null || spec.isBlank() || spec.equals("live")) {
            return LiveCapture.open(hostRoot, exclusions, snaplen);
        }
        Path file = Path.of(spec);
        if (!Files.isReadable(file)) {
            throw new IOException("capture file " + file + " does not exist or is not readable");
        }
        return FileCapture.open(file);
    }
}
