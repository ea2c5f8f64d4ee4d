package io.peregrine.notify.output;

import io.peregrine.protocol.alert.AlertJson;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * JSON lines: one Falco JSON alert per line, to a size-rotated file or to stdout. A group of
 * aggregated alerts is one line with {@code count} and {@code uuids}.
 */
public final class FileOutput implements Output {

    private final String name;
    private final RotatingFile file;
    private final PrintStream stdout;

    private FileOutput(String name, RotatingFile file, PrintStream stdout) {
        this.name = name;
        this.file = file;
        this.stdout = stdout;
    }

    public static FileOutput file(OutputSpec spec) {
        return new FileOutput(spec.name(), new RotatingFile(Path.of(spec.path()), spec.rotateBytes(), spec.rotatedFiles()), null);
    }

    public static FileOutput stdout(OutputSpec spec, PrintStream out) {
        return new FileOutput(spec.name(), null, out);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Delivery deliver(Notification n) {
        byte[] line = n.body();
        if (containsLineBreak(line)) {
            // Pretty-printed input would break the one-alert-per-line contract: re-encode compactly.
            line = new Notification(n.alert(), AlertJson.encode(n.alert()).getBytes(StandardCharsets.UTF_8),
                    n.count(), n.uuids()).body();
        }
        if (stdout != null) {
            synchronized (stdout) {
                stdout.write(line, 0, line.length);
                stdout.write('\n');
                stdout.flush();
            }
            return stdout.checkError() ? Delivery.retryable("stdout write failed") : Delivery.delivered();
        }
        try {
            file.writeLine(line);
            return Delivery.delivered();
        } catch (IOException e) {
            return Delivery.retryable("file: " + e.getMessage());
        }
    }

    private static boolean containsLineBreak(byte[] b) {
        for (byte x : b) {
            if (x == '\n' || x == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
