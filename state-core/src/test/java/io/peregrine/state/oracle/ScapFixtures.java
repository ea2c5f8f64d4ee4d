package io.peregrine.state.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared .scap fixtures: $PEREGRINE_SHARED, else ../../shared from the module directory. */
final class ScapFixtures {
    private ScapFixtures() {
    }

    static Path dir() {
        String env = System.getenv("PEREGRINE_SHARED");
        Path shared = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "..", "shared");
        Path d = shared.resolve("fixtures").resolve("scap");
        if (!Files.isDirectory(d)) {
            throw new IllegalStateException("fixtures not found at " + d.toAbsolutePath() + " (set PEREGRINE_SHARED)");
        }
        return d;
    }

    static List<Path> all() throws IOException {
        Path d = dir();
        List<String> lines = Files.readAllLines(d.resolve("SOURCES.tsv"));
        List<Path> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                out.add(d.resolve(line.split("\t")[0]));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no fixtures in " + d.resolve("SOURCES.tsv"));
        }
        return out;
    }
}
