package io.peregrine.notify.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An append-only file of lines, rotated by size: {@code f} becomes {@code f.1}, {@code f.1}
 * becomes {@code f.2} and so on up to {@code maxFiles}; the oldest is dropped. A line is written
 * whole or not at all as far as this process is concerned, and flushed to the OS before returning.
 */
final class RotatingFile implements AutoCloseable {

    private final Path path;
    private final long maxBytes;
    private final int maxFiles;
    private OutputStream out;
    private long size;

    RotatingFile(Path path, long maxBytes, int maxFiles) {
        this.path = path;
        this.maxBytes = maxBytes;
        // Never below 1: rotation moves the file aside, it does not delete it.
        this.maxFiles = Math.max(1, maxFiles);
    }

    synchronized void writeLine(byte[] line) throws IOException {
        if (out == null) {
            open();
        }
        if (size > 0 && size + line.length + 1 > maxBytes) {
            rotate();
        }
        out.write(line);
        out.write('\n');
        out.flush();
        size += line.length + 1;
    }

    private void open() throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        size = Files.size(path);
    }

    private void rotate() throws IOException {
        out.close();
        out = null;
        Files.deleteIfExists(sibling(maxFiles));
        for (int i = maxFiles - 1; i >= 1; i--) {
            if (Files.exists(sibling(i))) {
                Files.move(sibling(i), sibling(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(path, sibling(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private Path sibling(int i) {
        return path.resolveSibling(path.getFileName() + "." + i);
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // Closing after a failed write: nothing more to lose.
            }
            out = null;
        }
    }
}
