package io.peregrine.kubernetes.drift;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.peregrine.kubernetes.render.Workload;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The parts of a service's objects that the generated manifests and the kustomize base must agree
 * on, normalised (defaults filled in, order removed) so that only real differences remain. Each
 * aspect is a sorted map of text, so a difference reads as a line.
 *
 * <p>Compared: selector, pod labels (without app.kubernetes.io/managed-by, which only the
 * generator sets), service account, the service's container (name, image, ports, the three probes'
 * HTTP path/port/scheme, environment variable names with their value or source, requests and
 * limits), volumes and mounts other than hostPath ones (the generator cannot express hostPath),
 * and the Service (type, selector, ports with target ports). Not compared: the workload kind
 * (the generator has no DaemonSet), replicas, annotations, probe timings, security contexts,
 * pull policy, tolerations and everything else the base adds.</p>
 */
public record Shape(Map<String, String> aspects) {

    public static Shape of(Workload w, Service service, String containerName) {
        Map<String, String> a = new TreeMap<>();
        var pod = w.template().getSpec();
        a.put("selector", sorted(w.selector() == null ? Map.of() : w.selector().getMatchLabels()));
        Map<String, String> labels = new TreeMap<>(w.template().getMetadata().getLabels());
        labels.remove("app.kubernetes.io/managed-by");
        a.put("pod labels", labels.toString());
        a.put("serviceAccountName", String.valueOf(pod.getServiceAccountName()));
        Container c = pod.getContainers().stream().filter(x -> containerName.equals(x.getName())).findFirst().orElse(null);
        a.put("container", c == null ? "(none named " + containerName + ")" : containerName);
        Set<String> hostVolumes = pod.getVolumes() == null ? Set.of() : pod.getVolumes().stream()
                .filter(v -> v.getHostPath() != null).map(Volume::getName).collect(Collectors.toSet());
        if (c != null) {
            a.put("image", String.valueOf(c.getImage()));
            a.put("ports", c.getPorts() == null ? "[]" : c.getPorts().stream()
                    .map(p -> p.getName() + "=" + p.getContainerPort() + "/" + orDefault(p.getProtocol(), "TCP"))
                    .collect(Collectors.toCollection(TreeSet::new)).toString());
            a.put("liveness probe", probe(c.getLivenessProbe()));
            a.put("readiness probe", probe(c.getReadinessProbe()));
            a.put("startup probe", probe(c.getStartupProbe()));
            // One aspect per variable and per resource, so that a difference names it.
            if (c.getEnv() != null) {
                c.getEnv().forEach(e -> a.merge("env " + e.getName(), envSource(e), (x, y) -> x + " AND " + y));
            }
            if (c.getResources() != null) {
                quantities("requests", c.getResources().getRequests(), a);
                quantities("limits", c.getResources().getLimits(), a);
            }
            a.put("volume mounts", c.getVolumeMounts() == null ? "[]" : c.getVolumeMounts().stream()
                    .filter(m -> !hostVolumes.contains(m.getName()))
                    .map(Shape::mount).collect(Collectors.toCollection(TreeSet::new)).toString());
        }
        a.put("volumes", pod.getVolumes() == null ? "[]" : pod.getVolumes().stream()
                .filter(v -> v.getHostPath() == null).map(Shape::volume)
                .collect(Collectors.toCollection(TreeSet::new)).toString());
        if (service == null) {
            a.put("service", "(none)");
        } else {
            var s = service.getSpec();
            a.put("service type", orDefault(s.getType(), "ClusterIP"));
            a.put("service selector", sorted(s.getSelector()));
            a.put("service ports", s.getPorts().stream().map(p -> p.getName() + "=" + p.getPort() + "->"
                            + (p.getTargetPort() == null ? p.getPort() : p.getTargetPort().getIntVal() != null
                            ? p.getTargetPort().getIntVal() : p.getTargetPort().getStrVal()) + "/" + orDefault(p.getProtocol(), "TCP"))
                    .collect(Collectors.toCollection(TreeSet::new)).toString());
        }
        return new Shape(a);
    }

    /** One line per aspect that differs, naming both sides. */
    public List<String> differences(Shape other, String thisName, String otherName) {
        Set<String> keys = new TreeSet<>(aspects.keySet());
        keys.addAll(other.aspects.keySet());
        return keys.stream().filter(k -> !String.valueOf(aspects.get(k)).equals(String.valueOf(other.aspects.get(k))))
                .map(k -> k + ": " + thisName + " has " + aspects.getOrDefault(k, "nothing") + ", " + otherName + " has "
                        + other.aspects.getOrDefault(k, "nothing"))
                .toList();
    }

    private static String sorted(Map<String, String> m) {
        return m == null ? "{}" : new TreeMap<>(m).toString();
    }

    private static String orDefault(String v, String d) {
        return v == null ? d : v;
    }

    private static String probe(Probe p) {
        if (p == null) {
            return "(none)";
        }
        HTTPGetAction g = p.getHttpGet();
        if (g == null) {
            return "(not HTTP)";
        }
        String port = g.getPort() == null ? "?" : g.getPort().getIntVal() != null ? g.getPort().getIntVal().toString() : g.getPort().getStrVal();
        return orDefault(g.getScheme(), "HTTP") + " " + g.getPath() + " on " + port;
    }

    private static String envSource(EnvVar e) {
        var f = e.getValueFrom();
        if (f == null) {
            return "value " + orDefault(e.getValue(), "");
        }
        if (f.getSecretKeyRef() != null) {
            return "secret " + f.getSecretKeyRef().getName() + "/" + f.getSecretKeyRef().getKey();
        }
        if (f.getConfigMapKeyRef() != null) {
            return "configmap " + f.getConfigMapKeyRef().getName() + "/" + f.getConfigMapKeyRef().getKey();
        }
        if (f.getFieldRef() != null) {
            return "field " + f.getFieldRef().getFieldPath();
        }
        return "resource " + (f.getResourceFieldRef() == null ? "?" : f.getResourceFieldRef().getResource());
    }

    /** Quantities compared by value, so "1" and "1000m", or "1Gi" and "1024Mi", are equal. */
    private static void quantities(String kind, Map<String, Quantity> q, Map<String, String> a) {
        if (q != null) {
            q.forEach((k, v) -> a.put(kind + " " + k, v.getNumericalAmount().stripTrailingZeros().toPlainString()));
        }
    }

    private static String mount(VolumeMount m) {
        return m.getName() + "@" + m.getMountPath() + (Boolean.TRUE.equals(m.getReadOnly()) ? " ro" : " rw")
                + (m.getSubPath() == null || m.getSubPath().isEmpty() ? "" : " sub " + m.getSubPath());
    }

    private static String volume(Volume v) {
        if (v.getEmptyDir() != null) {
            return v.getName() + ": emptyDir";
        }
        if (v.getSecret() != null) {
            return v.getName() + ": secret " + v.getSecret().getSecretName() + " mode " + mode(v.getSecret().getDefaultMode());
        }
        if (v.getConfigMap() != null) {
            return v.getName() + ": configMap " + v.getConfigMap().getName() + " mode " + mode(v.getConfigMap().getDefaultMode());
        }
        if (v.getPersistentVolumeClaim() != null) {
            return v.getName() + ": pvc " + v.getPersistentVolumeClaim().getClaimName();
        }
        return v.getName() + ": other";
    }

    /** 0644 is what the API server fills in. */
    private static String mode(Integer m) {
        return Integer.toOctalString(m == null ? 0644 : m);
    }
}
