package io.peregrine.kubernetes.rules;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.peregrine.kubernetes.render.ManifestSet;
import io.peregrine.kubernetes.render.Workload;

import java.util.List;
import java.util.Map;

/**
 * The contract of docs/architecture.md: each service on its fixed port, with the Quarkus health
 * endpoints as probes and a Service of its own name on the same port; NATS on 4222, PostgreSQL on
 * 5432.
 */
public final class ServiceRules {

    public static final Map<String, Integer> PORTS = Map.of(
            "capture-svc", 8781, "state-svc", 8782, "rules-svc", 8783, "notify-svc", 8784,
            "nats", 4222, "postgresql", 5432);
    public static final Map<String, String> KINDS = Map.of(
            "capture-svc", "DaemonSet", "state-svc", "DaemonSet", "rules-svc", "Deployment", "notify-svc", "Deployment",
            "nats", "StatefulSet", "postgresql", "StatefulSet");
    private static final List<String> REQUIRED = List.of("capture-svc", "state-svc", "rules-svc", "notify-svc", "nats");

    private ServiceRules() {
    }

    static void check(ManifestSet set, List<String> problems) {
        for (String name : REQUIRED) {
            if (set.workload(name).isEmpty()) {
                problems.add("workload " + name + " is missing");
            }
        }
        for (Workload w : set.workloads()) {
            Integer port = PORTS.get(w.name());
            if (port == null) {
                continue;
            }
            if (!KINDS.get(w.name()).equals(w.kind())) {
                problems.add(w.kind() + "/" + w.name() + ": must be a " + KINDS.get(w.name()));
            }
            if (w.template() == null || w.template().getSpec() == null) {
                continue;
            }
            Container c = w.template().getSpec().getContainers().stream().filter(x -> x.getName().equals(w.name()))
                    .findFirst().orElse(null);
            String id = w.kind() + "/" + w.name();
            if (c == null) {
                problems.add(id + ": no container named " + w.name());
                continue;
            }
            if (c.getPorts() == null || c.getPorts().stream().noneMatch(p -> port.equals(p.getContainerPort()))) {
                problems.add(id + ": container does not expose port " + port);
            }
            boolean svcOk = set.find(Service.class, w.name()).map(s -> s.getSpec().getPorts().stream()
                    .anyMatch(p -> port.equals(p.getPort()))).orElse(false);
            if (!svcOk && !w.name().equals("nats")) {
                problems.add(id + ": no Service " + w.name() + " on port " + port);
            }
            if (w.name().endsWith("-svc")) {
                health(id, "liveness", c.getLivenessProbe(), "/q/health/live", port, problems);
                health(id, "readiness", c.getReadinessProbe(), "/q/health/ready", port, problems);
                if (c.getStartupProbe() != null) {
                    health(id, "startup", c.getStartupProbe(), "/q/health/started", port, problems);
                }
            }
        }
        if (set.find(Service.class, "nats").map(s -> s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == 4222)).orElse(false) == false) {
            problems.add("Service nats on port 4222 is missing");
        }
    }

    private static void health(String id, String kind, Probe p, String path, int port, List<String> problems) {
        if (p == null || p.getHttpGet() == null) {
            problems.add(id + ": " + kind + " probe must be an HTTP GET of " + path);
            return;
        }
        var g = p.getHttpGet();
        boolean portOk = g.getPort() != null && g.getPort().getIntVal() != null && g.getPort().getIntVal() == port;
        if (!path.equals(g.getPath()) || !portOk) {
            String actual = g.getPort() == null ? "no port" : g.getPort().getIntVal() != null ? g.getPort().getIntVal().toString() : g.getPort().getStrVal();
            problems.add(id + ": " + kind + " probe is " + g.getPath() + " on " + actual + ", expected " + path + " on " + port);
        }
    }
}
