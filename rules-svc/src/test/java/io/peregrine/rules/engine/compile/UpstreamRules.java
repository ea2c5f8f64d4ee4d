package io.peregrine.rules.engine.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The upstream Falco rule files in the shared test data ($PEREGRINE_SHARED, else ../../shared). */
final class UpstreamRules {

    static final String STABLE = "falco_rules.yaml";
    static final String INCUBATING = "falco-incubating_rules.yaml";
    static final String SANDBOX = "falco-sandbox_rules.yaml";

    private UpstreamRules() {
    }

    static Path dir() {
        String env = System.getenv("PEREGRINE_SHARED");
        Path shared = env != null && !env.isBlank() ? Path.of(env) : Path.of("../../shared");
        Path d = shared.resolve("falco-rules");
        if (!Files.isDirectory(d)) {
            // Run from the repository root instead of the module directory.
            d = Path.of("../shared/falco-rules");
        }
        if (!Files.isDirectory(d)) {
            throw new IllegalStateException("upstream rules not found: set PEREGRINE_SHARED to the shared directory");
        }
        return d;
    }

    static String read(String name) {
        try {
            return Files.readString(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
