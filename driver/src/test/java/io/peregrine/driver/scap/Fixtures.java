package io.peregrine.driver.scap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates the shared .scap fixtures: $PEREGRINE_SHARED, else ../shared from the repository root. */
final class Fixtures {
    private Fixtures() {
    }

    static Path shared() {
        String env = System.getenv("PEREGRINE_SHARED");
        Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("shared folder not found at " + p.toAbsolutePath()
                    + " (set PEREGRINE_SHARED)");
        }
        return p;
    }

    static Path scapDir() {
        return shared().resolve("fixtures").resolve("scap");
    }

    /** Every fixture listed in SOURCES.tsv, with the event count sysdig 0.29.3 prints for it. */
    record Fixture(Path path, int sysdigEvents) {
        String name() {
            return path.getFileName().toString();
        }

        @Override
        public String toString() {
            return name();
        }
    }

    static List<Fixture> all() throws IOException {
        Path dir = scapDir();
        List<String> lines = Files.readAllLines(dir.resolve("SOURCES.tsv"));
        List<Fixture> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new Fixture(dir.resolve(f[0]), Integer.parseInt(f[f.length - 1].trim())));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no fixtures listed in " + dir.resolve("SOURCES.tsv"));
        }
        return out;
    }
}
