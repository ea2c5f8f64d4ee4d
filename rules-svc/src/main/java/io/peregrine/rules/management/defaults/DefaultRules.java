package io.peregrine.rules.management.defaults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Peregrine's own default ruleset, shipped as a resource of rules-svc. */
public final class DefaultRules {

    /** File name under which the default rules are loaded (and reported in positions). */
    public static final String FILE = "peregrine_rules.yaml";

    private DefaultRules() {
    }

    public static String text() {
        try (InputStream in = DefaultRules.class.getResourceAsStream("/rules/" + FILE)) {
            if (in == null) {
                throw new IllegalStateException("resource /rules/" + FILE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
