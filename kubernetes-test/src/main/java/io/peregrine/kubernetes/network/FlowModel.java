package io.peregrine.kubernetes.network;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.peregrine.kubernetes.render.ManifestSet;
import io.peregrine.kubernetes.render.Workload;
import io.peregrine.kubernetes.selector.LabelMatch;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, as a NetworkPolicy implementation would, whether a connection is allowed: egress by the
 * policies selecting the client pod, ingress by those selecting the server pod; a pod that no
 * policy of a direction selects is open in that direction. Peers by ipBlock never match pods
 * (their addresses are not known offline) and peers by namespace match only this namespace.
 */
public final class FlowModel {

    private final ManifestSet set;
    private final String namespace;
    private final Map<String, String> namespaceLabels;

    public FlowModel(ManifestSet set, String namespace) {
        this.set = set;
        this.namespace = namespace;
        Map<String, String> labels = new HashMap<>(set.find(Namespace.class, namespace)
                .map(n -> n.getMetadata().getLabels()).orElse(Map.of()));
        labels.put("kubernetes.io/metadata.name", namespace); // set by the API server on every namespace
        this.namespaceLabels = labels;
    }

    /** TCP from a pod of workload {@code from} to a pod of workload {@code to} on {@code port}. */
    public boolean podToPod(String from, String to, int port) {
        Map<String, String> src = labels(from);
        Map<String, String> dst = labels(to);
        return direction(src, "Egress", peer -> podPeer(peer, dst), port)
                && direction(dst, "Ingress", peer -> podPeer(peer, src), port);
    }

    /** TCP from a pod of workload {@code from} to an address outside the cluster. */
    public boolean podToAddress(String from, String address, int port) {
        return direction(labels(from), "Egress", peer -> peer.getIpBlock() != null && contains(peer.getIpBlock(), address), port);
    }

    private Map<String, String> labels(String workload) {
        Workload w = set.workload(workload).orElseThrow(() -> new IllegalArgumentException("no workload " + workload));
        return w.template().getMetadata().getLabels();
    }

    private boolean direction(Map<String, String> pod, String type, java.util.function.Predicate<NetworkPolicyPeer> peerMatches, int port) {
        List<NetworkPolicy> selecting = set.all(NetworkPolicy.class).stream()
                .filter(n -> orEmpty(n.getSpec().getPolicyTypes()).contains(type))
                .filter(n -> LabelMatch.matches(n.getSpec().getPodSelector(), pod)).toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy n : selecting) {
            var rules = type.equals("Egress")
                    ? orEmpty(n.getSpec().getEgress()).stream().map(r -> new Rule(r.getTo(), r.getPorts())).toList()
                    : orEmpty(n.getSpec().getIngress()).stream().map(r -> new Rule(r.getFrom(), r.getPorts())).toList();
            for (Rule r : rules) {
                boolean peerOk = r.peers() == null || r.peers().isEmpty() || r.peers().stream().anyMatch(peerMatches);
                if (peerOk && portMatches(r.ports(), port)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    private record Rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    }

    private boolean podPeer(NetworkPolicyPeer p, Map<String, String> pod) {
        if (p.getIpBlock() != null) {
            return false;
        }
        if (p.getNamespaceSelector() != null && !LabelMatch.matches(p.getNamespaceSelector(), namespaceLabels)) {
            return false;
        }
        return p.getPodSelector() == null || LabelMatch.matches(p.getPodSelector(), pod);
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!proto.equals("TCP")) {
                continue;
            }
            if (p.getPort() == null) {
                return true;
            }
            if (p.getPort().getIntVal() != null) {
                int lo = p.getPort().getIntVal();
                int hi = p.getEndPort() == null ? lo : p.getEndPort();
                if (port >= lo && port <= hi) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean contains(IPBlock block, String address) {
        if (!inCidr(block.getCidr(), address)) {
            return false;
        }
        return block.getExcept() == null || block.getExcept().stream().noneMatch(e -> inCidr(e, address));
    }

    private static boolean inCidr(String cidr, String address) {
        String[] parts = cidr.split("/", 2);
        byte[] net = InetAddress.ofLiteral(parts[0]).getAddress();
        byte[] addr = InetAddress.ofLiteral(address).getAddress();
        if (net.length != addr.length) {
            return false;
        }
        int bits = Integer.parseInt(parts[1]);
        int total = net.length * 8;
        BigInteger mask = bits == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE).shiftRight(total - bits).shiftLeft(total - bits);
        return new BigInteger(1, net).and(mask).equals(new BigInteger(1, addr).and(mask));
    }

    public String namespace() {
        return namespace;
    }
}
