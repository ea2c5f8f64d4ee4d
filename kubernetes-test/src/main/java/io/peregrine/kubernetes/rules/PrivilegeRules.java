package io.peregrine.kubernetes.rules;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.peregrine.kubernetes.render.ManifestSet;
import io.peregrine.kubernetes.render.Workload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each workload may hold beyond a plain pod, and nothing more: added capabilities, host PID,
 * host paths (read-only, at the documented place), and running as root. A workload missing from
 * the table is an error, so a new one must state its privileges here (and in docs/deployment.md).
 */
public final class PrivilegeRules {

    /** @param hostPaths host path -> mount path in the container */
    public record Grant(Set<String> capabilities, boolean hostPid, Map<String, String> hostPaths, boolean root) {
    }

    public static final Map<String, Grant> GRANTS = Map.of(
            "capture-svc", new Grant(Set.of("BPF", "PERFMON", "SYS_RESOURCE", "SYS_PTRACE"), true,
                    Map.of("/proc", "/host/proc", "/sys/kernel/btf", "/sys/kernel/btf", "/etc", "/host/etc",
                            "/run", "/host/run"), true),
            "state-svc", new Grant(Set.of("SYS_PTRACE"), true,
                    Map.of("/proc", "/host/proc", "/etc", "/host/etc", "/run", "/host/run"), true),
            "rules-svc", new Grant(Set.of(), false, Map.of(), false),
            "notify-svc", new Grant(Set.of(), false, Map.of(), false),
            "nats", new Grant(Set.of(), false, Map.of(), false),
            "postgresql", new Grant(Set.of(), false, Map.of(), false));

    private PrivilegeRules() {
    }

    static void check(ManifestSet set, List<String> problems) {
        for (Workload w : set.workloads()) {
            String id = w.kind() + "/" + w.name();
            Grant g = GRANTS.get(w.name());
            if (g == null) {
                problems.add(id + ": no privilege grant declared for this workload (PrivilegeRules.GRANTS)");
                continue;
            }
            if (w.template() == null || w.template().getSpec() == null) {
                continue;
            }
            PodSpec pod = w.template().getSpec();
            if (Boolean.TRUE.equals(pod.getHostPID()) != g.hostPid()) {
                problems.add(id + ": hostPID must be " + g.hostPid());
            }
            Map<String, String> hostVolumes = new HashMap<>();
            for (Volume v : pod.getVolumes() == null ? List.<Volume>of() : pod.getVolumes()) {
                if (v.getHostPath() != null) {
                    hostVolumes.put(v.getName(), v.getHostPath().getPath());
                }
            }
            Map<String, String> mounted = new HashMap<>();
            for (Container c : pod.getContainers()) {
                String cid = id + " container " + c.getName();
                var sc = c.getSecurityContext();
                Set<String> added = new TreeSet<>();
                if (sc != null && sc.getCapabilities() != null && sc.getCapabilities().getAdd() != null) {
                    sc.getCapabilities().getAdd().forEach(cap -> added.add(cap.startsWith("CAP_") ? cap.substring(4) : cap));
                }
                if (!added.equals(new TreeSet<>(g.capabilities()))) {
                    problems.add(cid + ": added capabilities are " + added + ", expected exactly " + new TreeSet<>(g.capabilities()));
                }
                boolean nonRoot = runsAsNonRoot(pod, c);
                if (!g.root() && !nonRoot) {
                    problems.add(cid + ": must run as non-root (runAsNonRoot: true and a non-zero runAsUser)");
                }
                for (VolumeMount m : c.getVolumeMounts() == null ? List.<VolumeMount>of() : c.getVolumeMounts()) {
                    String host = hostVolumes.get(m.getName());
                    if (host != null) {
                        if (!Boolean.TRUE.equals(m.getReadOnly())) {
                            problems.add(cid + ": host path " + host + " must be mounted read-only");
                        }
                        mounted.put(host, m.getMountPath());
                    }
                }
                if (g.hostPid()) {
                    nodeName(cid, c, problems);
                }
            }
            if (!mounted.equals(g.hostPaths()) || !new TreeSet<>(hostVolumes.values()).equals(new TreeSet<>(g.hostPaths().keySet()))) {
                problems.add(id + ": host paths mounted " + new TreeSet<>(mounted.entrySet().stream().map(Object::toString).toList())
                        + ", expected exactly " + new TreeSet<>(g.hostPaths().entrySet().stream().map(Object::toString).toList()));
            }
        }
    }

    private static boolean runsAsNonRoot(PodSpec pod, Container c) {
        var psc = pod.getSecurityContext();
        var csc = c.getSecurityContext();
        Boolean nonRoot = csc != null && csc.getRunAsNonRoot() != null ? csc.getRunAsNonRoot()
                : psc != null ? psc.getRunAsNonRoot() : null;
        Long uid = csc != null && csc.getRunAsUser() != null ? csc.getRunAsUser() : psc != null ? psc.getRunAsUser() : null;
        return Boolean.TRUE.equals(nonRoot) && uid != null && uid != 0;
    }

    /** Per-node services name their node from the downward API. */
    private static void nodeName(String cid, Container c, List<String> problems) {
        boolean ok = c.getEnv() != null && c.getEnv().stream().anyMatch((EnvVar e) -> "NODE_NAME".equals(e.getName())
                && e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null
                && "spec.nodeName".equals(e.getValueFrom().getFieldRef().getFieldPath()));
        if (!ok) {
            problems.add(cid + ": NODE_NAME must come from the downward API (fieldRef spec.nodeName)");
        }
    }
}
