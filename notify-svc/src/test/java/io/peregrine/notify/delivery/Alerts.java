package io.peregrine.notify.delivery;

import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.Priority;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Alerts as rules-svc would publish them, for tests. */
public final class Alerts {

    private Alerts() {
    }

    public static Alert alert(String rule, Priority p, List<String> tags, String procName) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("proc.name", procName);
        f.put("proc.cmdline", procName + " -x");
        f.put("user.name", "root");
        f.put("container.id", "3ad7b26ded6d");
        f.put("container.name", "web");
        f.put("proc.pid", 4242L);
        f.put("fd.name", null);
        Instant t = Instant.now();
        return new Alert(UUID.randomUUID().toString(), t, rule, p,
                t + ": " + p.falcoName() + " " + rule + " (proc.name=" + procName + ")", f, "syscall", tags, "node-1");
    }

    public static Alert alert(String rule, Priority p) {
        return alert(rule, p, List.of("container", "shell"), "bash");
    }
}
