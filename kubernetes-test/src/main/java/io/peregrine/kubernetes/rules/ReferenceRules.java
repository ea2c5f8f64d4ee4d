package io.peregrine.kubernetes.rules;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.peregrine.kubernetes.render.ManifestSet;
import io.peregrine.kubernetes.render.Workload;
import io.peregrine.kubernetes.selector.LabelMatch;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Objects that point at other objects point at something real: Services select pods and target
 * their ports, PodDisruptionBudgets select a workload and leave room to evict, RBAC bindings name
 * existing roles and ServiceAccounts, NetworkPolicy selectors select pods and their ports exist.
 */
final class ReferenceRules {

    private ReferenceRules() {
    }

    static void check(ManifestSet set, List<String> problems) {
        set.all(Service.class).forEach(s -> service(set, s, problems));
        set.all(PodDisruptionBudget.class).forEach(p -> pdb(set, p, problems));
        set.all(ClusterRoleBinding.class).forEach(b -> binding(set, Ids.of(b), b.getRoleRef(), b.getSubjects(), problems));
        set.all(RoleBinding.class).forEach(b -> binding(set, Ids.of(b), b.getRoleRef(), b.getSubjects(), problems));
        set.all(NetworkPolicy.class).forEach(n -> networkPolicy(set, n, problems));
    }

    private static List<Workload> selected(ManifestSet set, Map<String, String> selector) {
        return set.workloads().stream().filter(w -> w.template() != null && w.template().getMetadata() != null
                && LabelMatch.matches(selector, w.template().getMetadata().getLabels())).toList();
    }

    private static List<Workload> selected(ManifestSet set, LabelSelector selector) {
        return set.workloads().stream().filter(w -> w.template() != null && w.template().getMetadata() != null
                && LabelMatch.matches(selector, w.template().getMetadata().getLabels())).toList();
    }

    private static Stream<ContainerPort> ports(Workload w) {
        return w.template().getSpec().getContainers().stream()
                .flatMap((Container c) -> c.getPorts() == null ? Stream.empty() : c.getPorts().stream());
    }

    private static void service(ManifestSet set, Service s, List<String> problems) {
        String id = Ids.of(s);
        var spec = s.getSpec();
        if (spec == null || spec.getPorts() == null || spec.getPorts().isEmpty()) {
            problems.add(id + ": at least one port is required");
            return;
        }
        List<Workload> pods = selected(set, spec.getSelector());
        if (pods.isEmpty()) {
            problems.add(id + ": selector " + spec.getSelector() + " selects no pod of this set");
            return;
        }
        for (ServicePort p : spec.getPorts()) {
            if (p.getPort() == null || p.getPort() < 1 || p.getPort() > 65535) {
                problems.add(id + ": port is required, 1-65535");
                continue;
            }
            if (spec.getPorts().size() > 1 && p.getName() == null) {
                problems.add(id + ": every port needs a name when there are several");
            }
            var target = p.getTargetPort();
            for (Workload w : pods) {
                boolean ok = target == null ? ports(w).anyMatch(cp -> p.getPort().equals(cp.getContainerPort()))
                        : target.getIntVal() != null ? ports(w).anyMatch(cp -> target.getIntVal().equals(cp.getContainerPort()))
                        : ports(w).anyMatch(cp -> target.getStrVal().equals(cp.getName()));
                if (!ok) {
                    problems.add(id + ": port " + p.getPort() + " targets " + (target == null ? p.getPort() : target.getIntVal() != null
                            ? target.getIntVal() : target.getStrVal()) + ", which " + w.kind() + "/" + w.name() + " does not expose");
                }
            }
        }
    }

    private static void pdb(ManifestSet set, PodDisruptionBudget p, List<String> problems) {
        String id = Ids.of(p);
        var spec = p.getSpec();
        if (spec == null || spec.getSelector() == null || LabelMatch.isEmpty(spec.getSelector())) {
            problems.add(id + ": a non-empty selector is required");
            return;
        }
        if ((spec.getMinAvailable() == null) == (spec.getMaxUnavailable() == null)) {
            problems.add(id + ": exactly one of minAvailable and maxUnavailable");
        }
        List<Workload> ws = selected(set, spec.getSelector());
        if (ws.size() != 1) {
            problems.add(id + ": must select exactly one workload, selects " + ws.size());
            return;
        }
        Workload w = ws.getFirst();
        if (w.kind().equals("DaemonSet")) {
            problems.add(id + ": node drains do not evict DaemonSet pods; a budget for " + w.name() + " means nothing");
        }
        var min = spec.getMinAvailable();
        if (min != null && min.getIntVal() != null && min.getIntVal() >= w.replicasOrDefault()) {
            problems.add(id + ": minAvailable " + min.getIntVal() + " with " + w.replicasOrDefault()
                    + " replica(s) of " + w.name() + " blocks every eviction (and node drain)");
        }
        var max = spec.getMaxUnavailable();
        if (max != null && max.getIntVal() != null && max.getIntVal() < 1) {
            problems.add(id + ": maxUnavailable 0 blocks every eviction (and node drain)");
        }
    }

    private static void binding(ManifestSet set, String id, RoleRef ref, List<Subject> subjects, List<String> problems) {
        if (ref == null || !"rbac.authorization.k8s.io".equals(ref.getApiGroup())) {
            problems.add(id + ": roleRef with apiGroup rbac.authorization.k8s.io is required");
            return;
        }
        boolean exists = switch (ref.getKind()) {
            case "ClusterRole" -> set.find(ClusterRole.class, ref.getName()).isPresent();
            case "Role" -> set.find(Role.class, ref.getName()).isPresent();
            default -> false;
        };
        if (!exists) {
            problems.add(id + ": roleRef " + ref.getKind() + "/" + ref.getName() + " is not in this set");
        }
        if (subjects == null || subjects.isEmpty()) {
            problems.add(id + ": no subjects");
            return;
        }
        for (Subject s : subjects) {
            if (!"ServiceAccount".equals(s.getKind())) {
                problems.add(id + ": subject " + s.getKind() + "/" + s.getName() + ": only ServiceAccounts are bound");
            } else if (!NameRules.NAMESPACE.equals(s.getNamespace()) || set.find(ServiceAccount.class, s.getName()).isEmpty()) {
                problems.add(id + ": subject ServiceAccount " + s.getNamespace() + "/" + s.getName() + " is not in this set");
            }
        }
    }

    private static void networkPolicy(ManifestSet set, NetworkPolicy n, List<String> problems) {
        String id = Ids.of(n);
        var spec = n.getSpec();
        if (spec == null || spec.getPodSelector() == null) {
            problems.add(id + ": spec.podSelector is required");
            return;
        }
        if (spec.getPolicyTypes() == null || spec.getPolicyTypes().isEmpty()
                || !spec.getPolicyTypes().stream().allMatch(t -> t.equals("Ingress") || t.equals("Egress"))) {
            problems.add(id + ": policyTypes must be listed (Ingress, Egress)");
        }
        List<Workload> own = selected(set, spec.getPodSelector());
        if (own.isEmpty()) {
            problems.add(id + ": podSelector selects no pod of this set");
        }
        if (spec.getIngress() != null) {
            for (var rule : spec.getIngress()) {
                peers(set, id, rule.getFrom(), problems);
                portsExist(id + " ingress", rule.getPorts(), own, problems);
            }
        }
        if (spec.getEgress() != null) {
            for (var rule : spec.getEgress()) {
                List<Workload> targets = peers(set, id, rule.getTo(), problems);
                if (!targets.isEmpty()) {
                    portsExist(id + " egress", rule.getPorts(), targets, problems);
                }
            }
        }
    }

    /** Checks the peers and returns the in-namespace workloads they select (pod selectors alone). */
    private static List<Workload> peers(ManifestSet set, String id, List<NetworkPolicyPeer> peers, List<String> problems) {
        if (peers == null) {
            return List.of();
        }
        List<Workload> out = new java.util.ArrayList<>();
        for (NetworkPolicyPeer p : peers) {
            if (p.getIpBlock() != null) {
                cidr(id, p.getIpBlock().getCidr(), problems);
                if (p.getPodSelector() != null || p.getNamespaceSelector() != null) {
                    problems.add(id + ": ipBlock cannot be combined with selectors");
                }
            } else if (p.getPodSelector() != null && p.getNamespaceSelector() == null) {
                List<Workload> ws = selected(set, p.getPodSelector());
                if (ws.isEmpty()) {
                    problems.add(id + ": peer podSelector " + p.getPodSelector().getMatchLabels()
                            + p.getPodSelector().getMatchExpressions() + " selects no pod of this set");
                }
                out.addAll(ws);
            } else if (p.getNamespaceSelector() == null) {
                problems.add(id + ": a peer needs a podSelector, namespaceSelector or ipBlock");
            }
        }
        return out;
    }

    private static void portsExist(String id, List<NetworkPolicyPort> ports, List<Workload> pods, List<String> problems) {
        if (ports == null) {
            return;
        }
        for (NetworkPolicyPort p : ports) {
            if (p.getPort() == null || p.getPort().getIntVal() == null) {
                continue;
            }
            int port = p.getPort().getIntVal();
            if (pods.stream().noneMatch(w -> ports(w).anyMatch(cp -> cp.getContainerPort() == port))) {
                problems.add(id + ": port " + port + " is exposed by none of the selected pods");
            }
        }
    }

    private static void cidr(String id, String cidr, List<String> problems) {
        try {
            String[] parts = cidr.split("/", 2);
            int bits = Integer.parseInt(parts[1]);
            byte[] addr = InetAddress.ofLiteral(parts[0]).getAddress();
            if (bits < 0 || bits > addr.length * 8) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            problems.add(id + ": ipBlock cidr " + cidr + " is not valid");
        }
    }
}
