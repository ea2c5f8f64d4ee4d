package io.peregrine.kubernetes.rules;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.peregrine.kubernetes.render.ManifestSet;
import io.peregrine.kubernetes.render.Workload;
import io.peregrine.kubernetes.selector.LabelMatch;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Workloads: required fields the schema alone does not enforce, selectors that match their own
 * template, and for every container probes, requests and limits, pinned images, valid ports,
 * environment and volume references that resolve, and a hardened security context.
 */
final class WorkloadRules {

    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Set<String> FIELD_PATHS = Set.of("metadata.name", "metadata.namespace", "metadata.uid",
            "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.podIP", "status.podIPs");
    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");

    private WorkloadRules() {
    }

    static void check(ManifestSet set, List<String> problems) {
        for (Workload w : set.workloads()) {
            String id = w.kind() + "/" + w.name();
            if (w.selector() == null || LabelMatch.isEmpty(w.selector())) {
                problems.add(id + ": spec.selector is required and must not be empty");
            }
            if (w.template() == null || w.template().getSpec() == null) {
                problems.add(id + ": spec.template.spec is required");
                continue;
            }
            Map<String, String> labels = w.template().getMetadata() == null ? null : w.template().getMetadata().getLabels();
            NameRules.labels(id + " template labels", labels, problems);
            if (w.selector() != null && !LabelMatch.matches(w.selector(), labels)) {
                problems.add(id + ": spec.selector does not match the template's labels " + labels);
            }
            if (w.replicas() != null && w.replicas() < 0) {
                problems.add(id + ": replicas must not be negative");
            }
            PodSpec pod = w.template().getSpec();
            if (w.kind().equals("StatefulSet")) {
                var ss = (io.fabric8.kubernetes.api.model.apps.StatefulSet) w.object();
                String svc = ss.getSpec().getServiceName();
                if (svc == null || set.find(io.fabric8.kubernetes.api.model.Service.class, svc)
                        .filter(s -> "None".equals(s.getSpec().getClusterIP())).isEmpty()) {
                    problems.add(id + ": spec.serviceName must name a headless Service of this set, is " + svc);
                }
            }
            String sa = pod.getServiceAccountName();
            if (sa == null || set.find(ServiceAccount.class, sa).isEmpty()) {
                problems.add(id + ": serviceAccountName " + sa + " is not a ServiceAccount of this set");
            }
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostIPC())) {
                problems.add(id + ": hostNetwork and hostIPC are never needed");
            }
            Set<String> volumes = new HashSet<>();
            if (pod.getVolumes() != null) {
                for (Volume v : pod.getVolumes()) {
                    volume(id, set, v, problems);
                    if (!volumes.add(v.getName())) {
                        problems.add(id + ": volume " + v.getName() + " defined twice");
                    }
                }
            }
            w.claimTemplates().forEach(c -> volumes.add(c.getMetadata().getName()));
            if (pod.getContainers() == null || pod.getContainers().isEmpty()) {
                problems.add(id + ": at least one container is required");
                continue;
            }
            Set<String> names = new HashSet<>();
            for (Container c : Stream.concat(pod.getContainers().stream(),
                    pod.getInitContainers() == null ? Stream.empty() : pod.getInitContainers().stream()).toList()) {
                String cid = id + " container " + c.getName();
                if (c.getName() == null || !NameRules.dnsLabel(c.getName()) || !names.add(c.getName())) {
                    problems.add(cid + ": container name missing, invalid or not unique");
                }
                container(cid, set, c, volumes, problems);
            }
        }
    }

    private static void container(String cid, ManifestSet set, Container c, Set<String> volumes, List<String> problems) {
        image(cid, c.getImage(), problems);
        Set<Integer> portNumbers = new HashSet<>();
        Set<String> portNames = new HashSet<>();
        for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
            if (p.getContainerPort() == null || p.getContainerPort() < 1 || p.getContainerPort() > 65535) {
                problems.add(cid + ": containerPort is required, 1-65535");
            } else if (!portNumbers.add(p.getContainerPort())) {
                problems.add(cid + ": containerPort " + p.getContainerPort() + " twice");
            }
            if (p.getName() != null && (!portName(p.getName()) || !portNames.add(p.getName()))) {
                problems.add(cid + ": port name '" + p.getName() + "' invalid (IANA service name, 15 chars) or not unique");
            }
            if (p.getProtocol() != null && !PROTOCOLS.contains(p.getProtocol())) {
                problems.add(cid + ": protocol " + p.getProtocol());
            }
        }
        if (c.getLivenessProbe() == null || c.getReadinessProbe() == null) {
            problems.add(cid + ": liveness and readiness probes are required");
        }
        for (Probe p : Stream.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe()).filter(Objects::nonNull).toList()) {
            probe(cid, p, portNumbers, portNames, problems);
        }
        resources(cid, c.getResources(), problems);
        env(cid, set, c.getEnv(), problems);
        Set<String> mountPaths = new HashSet<>();
        for (VolumeMount m : c.getVolumeMounts() == null ? List.<VolumeMount>of() : c.getVolumeMounts()) {
            if (!volumes.contains(m.getName())) {
                problems.add(cid + ": volumeMount " + m.getName() + " names no volume of the pod");
            }
            if (m.getMountPath() == null || !m.getMountPath().startsWith("/") || !mountPaths.add(m.getMountPath())) {
                problems.add(cid + ": mountPath " + m.getMountPath() + " must be absolute and unique");
            }
        }
        var sc = c.getSecurityContext();
        if (sc == null) {
            problems.add(cid + ": securityContext is required");
            return;
        }
        if (Boolean.TRUE.equals(sc.getPrivileged())) {
            problems.add(cid + ": privileged: true is never allowed");
        }
        if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            problems.add(cid + ": allowPrivilegeEscalation must be false");
        }
        if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
            problems.add(cid + ": readOnlyRootFilesystem must be true");
        }
        if (sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                || !sc.getCapabilities().getDrop().contains("ALL")) {
            problems.add(cid + ": capabilities must drop ALL");
        }
    }

    static void image(String cid, String image, List<String> problems) {
        if (image == null || image.isBlank()) {
            problems.add(cid + ": image is required");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String tag = colon > slash ? image.substring(colon + 1) : null;
        if (tag == null || tag.isEmpty() || tag.equals("latest")) {
            problems.add(cid + ": image " + image + " is not pinned (a tag other than latest, or a digest)");
        }
    }

    private static void probe(String cid, Probe p, Set<Integer> ports, Set<String> names, List<String> problems) {
        long handlers = Stream.of(p.getHttpGet(), p.getTcpSocket(), p.getExec(), p.getGrpc()).filter(Objects::nonNull).count();
        if (handlers != 1) {
            problems.add(cid + ": a probe needs exactly one handler, has " + handlers);
            return;
        }
        IntOrString port = p.getHttpGet() != null ? p.getHttpGet().getPort()
                : p.getTcpSocket() != null ? p.getTcpSocket().getPort() : null;
        if (port != null) {
            boolean ok = port.getIntVal() != null ? ports.contains(port.getIntVal()) : names.contains(port.getStrVal());
            if (!ok) {
                problems.add(cid + ": probe port " + (port.getIntVal() != null ? port.getIntVal() : port.getStrVal())
                        + " is not a port of the container");
            }
        }
        if (p.getHttpGet() != null && (p.getHttpGet().getPath() == null || !p.getHttpGet().getPath().startsWith("/"))) {
            problems.add(cid + ": probe path must be absolute");
        }
    }

    private static void resources(String cid, ResourceRequirements r, List<String> problems) {
        if (r == null || r.getRequests() == null || r.getLimits() == null) {
            problems.add(cid + ": resources.requests and resources.limits are required");
            return;
        }
        for (String k : List.of("cpu", "memory")) {
            Quantity req = r.getRequests().get(k);
            Quantity lim = r.getLimits().get(k);
            if (req == null || lim == null) {
                problems.add(cid + ": " + k + " request and limit are required");
                continue;
            }
            try {
                BigDecimal rq = req.getNumericalAmount();
                BigDecimal li = lim.getNumericalAmount();
                if (rq.signum() <= 0 || rq.compareTo(li) > 0) {
                    problems.add(cid + ": " + k + " request " + req + " must be positive and not above the limit " + lim);
                }
            } catch (RuntimeException e) {
                problems.add(cid + ": " + k + " quantity is not valid: " + req + " / " + lim);
            }
        }
    }

    private static void env(String cid, ManifestSet set, List<EnvVar> env, List<String> problems) {
        Set<String> names = new HashSet<>();
        for (EnvVar e : env == null ? List.<EnvVar>of() : env) {
            if (e.getName() == null || !ENV_NAME.matcher(e.getName()).matches() || !names.add(e.getName())) {
                problems.add(cid + ": env name " + e.getName() + " invalid or not unique");
            }
            EnvVarSource from = e.getValueFrom();
            if (from == null) {
                continue;
            }
            if (e.getValue() != null) {
                problems.add(cid + ": env " + e.getName() + " has both value and valueFrom");
            }
            long sources = Stream.of(from.getSecretKeyRef(), from.getConfigMapKeyRef(), from.getFieldRef(),
                    from.getResourceFieldRef()).filter(Objects::nonNull).count();
            if (sources != 1) {
                problems.add(cid + ": env " + e.getName() + " valueFrom needs exactly one source");
                continue;
            }
            if (from.getSecretKeyRef() != null) {
                var ref = from.getSecretKeyRef();
                if (!secretHasKey(set, ref.getName(), ref.getKey())) {
                    problems.add(cid + ": env " + e.getName() + " reads Secret " + ref.getName() + " key " + ref.getKey()
                            + ", which this set does not define");
                }
            }
            if (from.getConfigMapKeyRef() != null) {
                var ref = from.getConfigMapKeyRef();
                boolean ok = set.find(ConfigMap.class, ref.getName()).map(c -> c.getData() != null && c.getData().containsKey(ref.getKey())).orElse(false);
                if (!ok) {
                    problems.add(cid + ": env " + e.getName() + " reads ConfigMap " + ref.getName() + " key " + ref.getKey()
                            + ", which this set does not define");
                }
            }
            if (from.getFieldRef() != null && !FIELD_PATHS.contains(from.getFieldRef().getFieldPath())) {
                problems.add(cid + ": env " + e.getName() + " fieldPath " + from.getFieldRef().getFieldPath() + " is not supported");
            }
        }
    }

    static boolean secretHasKey(ManifestSet set, String name, String key) {
        return set.find(Secret.class, name).map(s -> (s.getData() != null && s.getData().containsKey(key))
                || (s.getStringData() != null && s.getStringData().containsKey(key))).orElse(false);
    }

    private static void volume(String id, ManifestSet set, Volume v, List<String> problems) {
        if (v.getName() == null || !NameRules.dnsLabel(v.getName())) {
            problems.add(id + ": volume name " + v.getName() + " invalid");
        }
        List<Object> sources = Stream.of(v.getEmptyDir(), v.getHostPath(), v.getSecret(), v.getConfigMap(),
                v.getPersistentVolumeClaim(), v.getProjected(), v.getDownwardAPI(), v.getCsi(), v.getNfs(), v.getEphemeral())
                .filter(Objects::nonNull).collect(Collectors.toList());
        if (sources.size() != 1) {
            problems.add(id + ": volume " + v.getName() + " needs exactly one source (of those Peregrine uses), has " + sources.size());
        }
        if (v.getSecret() != null && !Boolean.TRUE.equals(v.getSecret().getOptional())
                && set.find(Secret.class, v.getSecret().getSecretName()).isEmpty()) {
            problems.add(id + ": volume " + v.getName() + " mounts Secret " + v.getSecret().getSecretName() + ", not in this set");
        }
        if (v.getConfigMap() != null && !Boolean.TRUE.equals(v.getConfigMap().getOptional())
                && set.find(ConfigMap.class, v.getConfigMap().getName()).isEmpty()) {
            problems.add(id + ": volume " + v.getName() + " mounts ConfigMap " + v.getConfigMap().getName() + ", not in this set");
        }
        if (v.getHostPath() != null && (v.getHostPath().getPath() == null || !v.getHostPath().getPath().startsWith("/"))) {
            problems.add(id + ": hostPath volume " + v.getName() + " needs an absolute path");
        }
    }

    private static boolean portName(String n) {
        return n.length() <= 15 && PORT_NAME.matcher(n).matches() && n.chars().anyMatch(Character::isLetter) && !n.contains("--");
    }
}
