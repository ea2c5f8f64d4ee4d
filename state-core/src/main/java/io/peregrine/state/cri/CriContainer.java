package io.peregrine.state.cri;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What the CRI runtime says about one container: its name, its image (as the runtime names it, and
 * split into repository, tag and digest as Falco's container.image.* fields are) and the pod it
 * belongs to by the kubelet's labels. Values the extractor emits are kept as UTF-8 bytes (null when
 * the runtime gave none) so the event path encodes them without converting.
 */
public record CriContainer(String id, String name, String image, String imageRef, String podName,
                           String podNamespace, String podUid, Map<String, String> labels,
                           byte[] nameBytes, byte[] imageBytes, byte[] repositoryBytes, byte[] tagBytes,
                           byte[] digestBytes, byte[] podNameBytes, byte[] podNamespaceBytes) {

    /** Labels the kubelet sets on every container it creates. */
    public static final String POD_NAME = "io.kubernetes.pod.name", POD_NAMESPACE = "io.kubernetes.pod.namespace",
            POD_UID = "io.kubernetes.pod.uid";

    public static CriContainer of(String id, String name, String image, String imageRef, Map<String, String> labels) {
        String repository = null, tag = null, digest = null;
        if (image != null && !image.isEmpty() && !image.startsWith("sha256:")) {
            // [registry[:port]/]path[:tag][@digest]: the tag's colon comes after the last slash.
            String ref = image;
            int at = ref.indexOf('@');
            if (at >= 0) {
                digest = ref.substring(at + 1);
                ref = ref.substring(0, at);
            }
            int colon = ref.lastIndexOf(':');
            if (colon > ref.lastIndexOf('/')) {
                tag = ref.substring(colon + 1);
                ref = ref.substring(0, colon);
            }
            repository = ref;
        }
        if (digest == null && imageRef != null) {
            // The runtime's image_ref is repo@sha256:... when the image came with a repository digest.
            int at = imageRef.indexOf('@');
            if (at >= 0) {
                digest = imageRef.substring(at + 1);
            }
        }
        String podName = labels.get(POD_NAME), podNamespace = labels.get(POD_NAMESPACE);
        return new CriContainer(id, name, image, imageRef, podName, podNamespace, labels.get(POD_UID), Map.copyOf(labels),
                utf8(name), utf8(image), utf8(repository), utf8(tag), utf8(digest), utf8(podName), utf8(podNamespace));
    }

    /**
     * Decodes a {@code ContainerStatusResponse}: status (1) → ContainerStatus {id 1, metadata 2
     * {name 1}, image 8 {image 1}, image_ref 9, labels 12}.
     *
     * @throws IllegalArgumentException when the bytes are not such a message
     */
    public static CriContainer fromStatusResponse(byte[] response) {
        ProtoReader r = new ProtoReader(response);
        ProtoReader status = null;
        while (r.next()) {
            if (r.field() == 1) {
                status = r.message();
            }
        }
        if (status == null) {
            throw new IllegalArgumentException("ContainerStatusResponse without a status");
        }
        String id = null, name = null, image = null, imageRef = null;
        Map<String, String> labels = new HashMap<>();
        while (status.next()) {
            switch (status.field()) {
                case 1 -> id = status.string();
                case 2 -> {
                    ProtoReader m = status.message();
                    while (m.next()) {
                        if (m.field() == 1) {
                            name = m.string();
                        }
                    }
                }
                case 8 -> {
                    ProtoReader m = status.message();
                    while (m.next()) {
                        if (m.field() == 1) {
                            image = m.string();
                        }
                    }
                }
                case 9 -> imageRef = status.string();
                case 12 -> {
                    ProtoReader e = status.message();
                    String k = null, v = "";
                    while (e.next()) {
                        if (e.field() == 1) {
                            k = e.string();
                        } else if (e.field() == 2) {
                            v = e.string();
                        }
                    }
                    if (k != null) {
                        labels.put(k, v);
                    }
                }
                default -> status.skip();
            }
        }
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("ContainerStatus without an id");
        }
        return of(id, name, image, imageRef, labels);
    }

    public String repository() {
        return text(repositoryBytes);
    }

    public String tag() {
        return text(tagBytes);
    }

    public String digest() {
        return text(digestBytes);
    }

    private static byte[] utf8(String s) {
        return s == null || s.isEmpty() ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
