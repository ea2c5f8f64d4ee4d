package io.peregrine.capture.service;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The node name: configured, else NODE_NAME (Kubernetes downward API), else the host name. */
final class NodeName {

    private NodeName() {
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
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
