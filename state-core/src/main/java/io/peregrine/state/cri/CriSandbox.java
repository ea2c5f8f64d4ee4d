package io.peregrine.state.cri;

import io.peregrine.protocol.protobuf.ProtoReader;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the CRI runtime says about a pod sandbox (PodSandboxStatus): its id, the pod's name,
 * namespace and uid, its IPv4 address and its labels. As libsinsp does, a sandbox in the host's
 * network namespace has no address of its own: its ip is {@code 0.0.0.0}. Which of the host's
 * network, pid and IPC namespaces the pod shares comes from its namespace options
 * ({@code container.host_network}, {@code .host_pid}, {@code .host_ipc}). Values the extractor
 * emits are kept as UTF-8 bytes.
 */
public record CriSandbox(String id, String name, String namespace, String uid, String ip, boolean hostNetwork,
                         boolean hostPid, boolean hostIpc,
                         Map<String, String> labels, byte[] idBytes, byte[] shortIdBytes, byte[] uidBytes, byte[] ipBytes,
                         Map<String, byte[]> labelBytes, byte[] labelsText) {

    /** NamespaceMode NODE: the sandbox shares the host's namespace. */
    private static final long NODE = 2;

    public static CriSandbox of(String id, String name, String namespace, String uid, String ip, boolean hostNetwork,
                                Map<String, String> labels) {
        return of(id, name, namespace, uid, ip, hostNetwork, false, false, labels);
    }

    public static CriSandbox of(String id, String name, String namespace, String uid, String ip, boolean hostNetwork,
                                boolean hostPid, boolean hostIpc, Map<String, String> labels) {
        String address = hostNetwork || ip == null || !isIpv4(ip) ? "0.0.0.0" : ip;
        TreeMap<String, String> sorted = new TreeMap<>(labels);
        Map<String, byte[]> bytes = new HashMap<>();
        StringBuilder text = new StringBuilder();
        sorted.forEach((k, v) -> {
            bytes.put(k, v.getBytes(StandardCharsets.UTF_8));
            // As libsinsp lists them: the kubelet's own labels and annotations are left out.
            if (k.startsWith("annotation.") || k.startsWith("io.kubernetes.")) {
                return;
            }
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(k);
            if (!v.isEmpty()) {
                text.append(':').append(v);
            }
        });
        return new CriSandbox(id, name, namespace, uid, address, hostNetwork, hostPid, hostIpc, Map.copyOf(labels), utf8(id),
                utf8(id.length() > 12 ? id.substring(0, 12) : id), uid == null || uid.isEmpty() ? null : utf8(uid), utf8(address), Map.copyOf(bytes), utf8(text.toString()));
    }

    /**
     * Decodes a {@code PodSandboxStatusResponse}: status (1) → PodSandboxStatus {id 1, metadata 2
     * {name 1, uid 2, namespace 3}, network 5 {ip 1}, linux 6 {namespaces 1 {options 2 {network 1,
     * pid 2, ipc 3}}}, labels 7}.
     *
     * @throws IllegalArgumentException when the bytes are not such a message
     */
    public static CriSandbox fromStatusResponse(byte[] response) {
        ProtoReader r = new ProtoReader(response);
        ProtoReader status = null;
        while (r.next()) {
            if (r.field() == 1) {
                status = r.message();
            }
        }
        if (status == null) {
            throw new IllegalArgumentException("PodSandboxStatusResponse without a status");
        }
        String id = null, name = null, namespace = null, uid = null, ip = null;
        long[] modes = new long[4];
        Map<String, String> labels = new HashMap<>();
        while (status.next()) {
            switch (status.field()) {
                case 1 -> id = status.string();
                case 2 -> {
                    ProtoReader m = status.message();
                    while (m.next()) {
                        switch (m.field()) {
                            case 1 -> name = m.string();
                            case 2 -> uid = m.string();
                            case 3 -> namespace = m.string();
                            default -> m.skip();
                        }
                    }
                }
                case 5 -> {
                    ProtoReader n = status.message();
                    while (n.next()) {
                        if (n.field() == 1) {
                            ip = n.string();
                        }
                    }
                }
                case 6 -> namespaceModes(status.message(), modes);
                case 7 -> CriContainer.entry(status.message(), labels);
                default -> status.skip();
            }
        }
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("PodSandboxStatus without an id");
        }
        return of(id, name, namespace, uid, ip, modes[1] == NODE, modes[2] == NODE, modes[3] == NODE, labels);
    }

    /**
     * LinuxPodSandboxStatus {namespaces 1 {options 2 {network 1, pid 2, ipc 3}}}: the NamespaceMode
     * of each, by its field number, into {@code modes}.
     */
    private static void namespaceModes(ProtoReader linux, long[] modes) {
        while (linux.next()) {
            if (linux.field() != 1) {
                continue;
            }
            ProtoReader ns = linux.message();
            while (ns.next()) {
                if (ns.field() != 2) {
                    continue;
                }
                ProtoReader options = ns.message();
                while (options.next()) {
                    int f = options.field();
                    if (f >= 1 && f <= 3) {
                        modes[f] = options.varint();
                    } else {
                        options.skip();
                    }
                }
            }
        }
    }

    private static boolean isIpv4(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
