package io.peregrine.state.containers;

import java.nio.charset.StandardCharsets;

/**
 * A container as a capture's container event describes it (libsinsp's container JSON: what the
 * recording host's container engine said). Text as UTF-8 bytes for the event path; null when the
 * JSON lacks it.
 */
public record CapturedContainer(String id, byte[] name, byte[] image, byte[] repository, byte[] tag, byte[] digest,
                                Boolean privileged) {

    static byte[] bytes(Object s) {
        return s instanceof String str && !str.isEmpty() ? str.getBytes(StandardCharsets.UTF_8) : null;
    }
}
