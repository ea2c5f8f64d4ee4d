package io.peregrine.state.pods;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Kubernetes API says about one pod: name, namespace, labels and its IPv4 address, encoded once as UTF-8 so
 * that extraction copies bytes. Immutable: published to the event thread through {@link PodDirectory}.
 */
public final class PodMeta {
    private final String uid;
    private final byte[] name;
    private final byte[] namespace;
    private final Map<String, byte[]> labels;
    private final byte[] labelsText;
    private final byte[] ip;

    public PodMeta(String uid, String name, String namespace, Map<String, String> labels) {
        this(uid, name, namespace, labels, null);
    }

    /** {@code ip}: the pod's {@code status.podIP}; null (not assigned yet) or not IPv4: absent. */
    public PodMeta(String uid, String name, String namespace, Map<String, String> labels, String ip) {
        this.uid = uid;
        this.name = bytes(name);
        this.namespace = bytes(namespace);
        // Sorted by key, as Falco lists k8s.pod.labels: "key:value, key:value".
        TreeMap<String, byte[]> l = new TreeMap<>();
        StringBuilder text = new StringBuilder();
        if (labels != null) {
            new TreeMap<>(labels).forEach((k, v) -> {
                l.put(k, bytes(v));
                if (!text.isEmpty()) {
                    text.append(", ");
                }
                text.append(k).append(':').append(v == null ? "" : v);
            });
        }
        this.labels = Collections.unmodifiableMap(l);
        this.labelsText = bytes(text.toString());
        // libsinsp keeps IPv4 addresses only.
        this.ip = ip == null || !ip.matches("\\d{1,3}(\\.\\d{1,3}){3}") ? null : bytes(ip);
    }

    /** The pod's IPv4 address, or null. */
    public byte[] ip() {
        return ip;
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }

    public String uid() {
        return uid;
    }

    public byte[] name() {
        return name;
    }

    public byte[] namespace() {
        return namespace;
    }

    /** The value of one label, or null. */
    public byte[] label(String key) {
        return labels.get(key);
    }

    public byte[] labelsText() {
        return labelsText;
    }

    public int labelCount() {
        return labels.size();
    }
}
