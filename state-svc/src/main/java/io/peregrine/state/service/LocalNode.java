package io.peregrine.state.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This node's name, resolved as capture-svc resolves its own: configured, else NODE_NAME (the
 * downward API's spec.nodeName in the DaemonSet), else the host name. Both must agree: state-svc
 * takes {@code peregrine.raw.<this name>} only.
 */
final class LocalNode {

    private LocalNode() {
    }

    static String resolve(Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured.get();
        }
        String env = System.getenv("NODE_NAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (Exception ignored) {
            // not Linux, or /proc not mounted: ask the resolver
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
