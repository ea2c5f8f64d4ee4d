package io.peregrine.capture.service;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test captures: $PEREGRINE_SHARED/fixtures/scap, or ../../shared beside the repository. */
final class Fixtures {

    private Fixtures() {
    }

    static Path scap(String name) {
        String env = System.getenv("PEREGRINE_SHARED");
        Path shared = env != null && !env.isBlank() ? Path.of(env) : Path.of("../../shared");
        Path p = shared.resolve("fixtures/scap").resolve(name).toAbsolutePath().normalize();
        if (!Files.isReadable(p)) {
            throw new IllegalStateException("test fixture " + p + " is missing: set PEREGRINE_SHARED to the shared folder");
        }
        return p;
    }
}
