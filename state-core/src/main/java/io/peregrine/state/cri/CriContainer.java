package io.peregrine.state.cri;

import io.peregrine.protocol.protobuf.ProtoReader;

import io.peregrine.state.containers.MiniJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the CRI runtime says about one container: its name, its image (as the runtime names it, and
 * split into repository, tag and digest as Falco's container.image.* fields are) and the pod it
 * belongs to by the kubelet's labels; with the verbose answer (the runtime's own JSON) whether it is
 * privileged, its image id and its sandbox; its mounts and start time; and, from a second call, its
 * pod sandbox (address, labels). Values the extractor emits are kept as UTF-8 bytes (null when the
 * runtime gave none) so the event path encodes them without converting.
 */
public record CriContainer(String id, String name, String image, String imageRef, String podName,
                           String podNamespace, String podUid, Map<String, String> labels,
                           byte[] nameBytes, byte[] imageBytes, byte[] repositoryBytes, byte[] tagBytes,
                           byte[] digestBytes, byte[] podNameBytes, byte[] podNamespaceBytes, Spec spec,
                           CriSandbox sandbox, byte[] typeBytes) {

    /** One mount as libsinsp describes it: source (host path), destination, mode, read-write, propagation. */
    public record Mount(String source, String dest, String mode, boolean rdwr, String propagation, byte[] sourceBytes,
                        byte[] destBytes, byte[] modeBytes, byte[] rdwrBytes, byte[] propagationBytes, byte[] text) {

        public static Mount of(String source, String dest, String mode, boolean rdwr, String propagation) {
            String rw = rdwr ? "true" : "false";
            return new Mount(source, dest, mode, rdwr, propagation, bytes(source), bytes(dest), bytes(mode), bytes(rw),
                    bytes(propagation), bytes(source + ":" + dest + ":" + mode + ":" + rw + ":" + propagation));
        }
    }

    /**
     * What the verbose status adds: privileged (null when the runtime's JSON does not say), the
     * mounts in the runtime's order with their text joined by commas, the image id (hex, without
     * {@code sha256:}), the full sandbox id, the start time (ns since the epoch, 0 when not started).
     */
    public record Spec(Boolean privileged, List<Mount> mounts, byte[] mountsText, byte[] imageIdBytes, String sandboxId,
                       long startedAt) {
        static final Spec NONE = new Spec(null, List.of(), new byte[0], null, null, 0);

        static Spec of(Boolean privileged, List<Mount> mounts, String imageId, String sandboxId, long startedAt) {
            StringBuilder text = new StringBuilder();
            for (Mount m : mounts) {
                if (!text.isEmpty()) {
                    text.append(',');
                }
                text.append(m.source()).append(':').append(m.dest()).append(':').append(m.mode()).append(':')
                        .append(m.rdwr() ? "true" : "false").append(':').append(m.propagation());
            }
            return new Spec(privileged, List.copyOf(mounts), bytes(text.toString()), utf8(imageId),
                    sandboxId == null || sandboxId.isEmpty() ? null : sandboxId, startedAt);
        }
    }

    /** CRI MountPropagation values, named as libsinsp names them. */
    private static final String[] PROPAGATION = {"private", "rslave", "rshared"};

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
                utf8(name), utf8(image), utf8(repository), utf8(tag), utf8(digest), utf8(podName), utf8(podNamespace),
                Spec.NONE, null, null);
    }

    /**
     * A pod sandbox seen as a container (its pause process): named as its pod, the pod's name,
     * namespace and uid as the kubelet's labels would give them, no image, its own sandbox.
     */
    public static CriContainer ofSandbox(CriSandbox s) {
        Map<String, String> labels = new HashMap<>(s.labels());
        if (s.name() != null) {
            labels.put(POD_NAME, s.name());
        }
        if (s.namespace() != null) {
            labels.put(POD_NAMESPACE, s.namespace());
        }
        if (s.uid() != null) {
            labels.put(POD_UID, s.uid());
        }
        return of(s.id(), s.name(), null, null, labels).withSpec(Spec.of(null, List.of(), null, s.id(), 0)).withSandbox(s);
    }

    /** The same container with what its pod sandbox's status says. */
    public CriContainer withSandbox(CriSandbox s) {
        return new CriContainer(id, name, image, imageRef, podName, podNamespace, podUid, labels, nameBytes, imageBytes,
                repositoryBytes, tagBytes, digestBytes, podNameBytes, podNamespaceBytes, spec, s, typeBytes);
    }

    /** The same container with its runtime's container type (containerd, cri-o, cri). */
    public CriContainer withType(String type) {
        return new CriContainer(id, name, image, imageRef, podName, podNamespace, podUid, labels, nameBytes, imageBytes,
                repositoryBytes, tagBytes, digestBytes, podNameBytes, podNamespaceBytes, spec, sandbox, utf8(type));
    }

    private CriContainer withSpec(Spec s) {
        return new CriContainer(id, name, image, imageRef, podName, podNamespace, podUid, labels, nameBytes, imageBytes,
                repositoryBytes, tagBytes, digestBytes, podNameBytes, podNamespaceBytes, s, sandbox, typeBytes);
    }

    /** libsinsp's container type for a CRI runtime, by the name its Version call gives. */
    public static String typeOf(String runtimeName) {
        return switch (runtimeName == null ? "" : runtimeName) {
            case "containerd" -> "containerd";
            case "cri-o" -> "cri-o";
            default -> "cri";
        };
    }

    /**
     * Decodes a {@code ContainerStatusResponse}: status (1) → ContainerStatus {id 1, metadata 2
     * {name 1}, started_at 5, image 8 {image 1}, image_ref 9, labels 12, mounts 14 {container_path 1,
     * host_path 2, readonly 3, propagation 5}}, and info (2, verbose answers) whose "info" entry is
     * the runtime's JSON.
     *
     * @throws IllegalArgumentException when the bytes are not such a message
     */
    public static CriContainer fromStatusResponse(byte[] response) {
        ProtoReader r = new ProtoReader(response);
        ProtoReader status = null;
        Map<String, String> info = new HashMap<>();
        while (r.next()) {
            if (r.field() == 1) {
                status = r.message();
            } else if (r.field() == 2) {
                entry(r.message(), info);
            }
        }
        if (status == null) {
            throw new IllegalArgumentException("ContainerStatusResponse without a status");
        }
        String id = null, name = null, image = null, imageRef = null;
        long startedAt = 0;
        Map<String, String> labels = new HashMap<>();
        List<Mount> mounts = new ArrayList<>();
        while (status.next()) {
            switch (status.field()) {
                case 1 -> id = status.string();
                case 5 -> startedAt = status.varint();
                case 14 -> mounts.add(mount(status.message()));
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
                case 12 -> entry(status.message(), labels);
                default -> status.skip();
            }
        }
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("ContainerStatus without an id");
        }
        Object json = null;
        String text = info.get("info");
        if (text != null && !text.isEmpty()) {
            try {
                json = new MiniJson(text).value();
            } catch (IllegalArgumentException bad) {
                // A runtime's JSON we cannot read leaves what it would have told absent, nothing else.
                json = null;
            }
        }
        // containerd's JSON holds the image the container was created from; the kubelet names it by id.
        String imageId = imageId(string(json, "config", "image", "image"));
        if (imageId == null) {
            imageId = imageId(imageRef);
        }
        return of(id, name, image, imageRef, labels)
                .withSpec(Spec.of(privileged(json), mounts, imageId, string(json, "sandboxID"), startedAt));
    }

    /** The hex of an image id ({@code sha256:<64 hex>}), else null (a name is not an id). */
    public static String imageId(String ref) {
        if (ref == null || !ref.startsWith("sha256:")) {
            return null;
        }
        String hex = ref.substring("sha256:".length());
        return hex.length() == 64 && hex.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))
                ? hex : null;
    }

    /** The same container with its image id (hex), when the status did not tell it. */
    public CriContainer withImageId(String hex) {
        return withSpec(new Spec(spec.privileged(), spec.mounts(), spec.mountsText(), utf8(hex), spec.sandboxId(),
                spec.startedAt()));
    }

    /**
     * Where each runtime writes privileged in its JSON (the places libsinsp reads): older containerd
     * in the runtime spec's linux security context, containerd in the container config's, cri-o at
     * the top. The runtimes leave false out of their JSON, so a JSON that does not say means false
     * (libsinsp's default too); no JSON at all (a runtime without verbose answers): null, unknown.
     */
    private static Boolean privileged(Object json) {
        if (!(json instanceof Map<?, ?>)) {
            return null;
        }
        for (String[] path : new String[][] {{"runtimeSpec", "linux", "security_context", "privileged"},
                {"config", "linux", "security_context", "privileged"}, {"privileged"}}) {
            if (at(json, path) instanceof Boolean b) {
                return b;
            }
        }
        return false;
    }

    private static String string(Object json, String... path) {
        return at(json, path) instanceof String s && !s.isEmpty() ? s : null;
    }

    private static Object at(Object json, String... path) {
        Object o = json;
        for (String k : path) {
            if (!(o instanceof Map<?, ?> m)) {
                return null;
            }
            o = m.get(k);
        }
        return o;
    }

    private static Mount mount(ProtoReader m) {
        String dest = "", source = "";
        boolean readonly = false;
        long propagation = 0;
        while (m.next()) {
            switch (m.field()) {
                case 1 -> dest = m.string();
                case 2 -> source = m.string();
                case 3 -> readonly = m.varint() != 0;
                case 5 -> propagation = m.varint();
                default -> m.skip();
            }
        }
        // CRI gives no mode: libsinsp leaves it empty for CRI containers.
        return Mount.of(source, dest, "", !readonly,
                propagation >= 0 && propagation < PROPAGATION.length ? PROPAGATION[(int) propagation] : "unknown");
    }

    /** One entry of a {@code map<string, string>}: key 1, value 2. */
    static void entry(ProtoReader e, Map<String, String> into) {
        String k = null, v = "";
        while (e.next()) {
            if (e.field() == 1) {
                k = e.string();
            } else if (e.field() == 2) {
                v = e.string();
            } else {
                e.skip();
            }
        }
        if (k != null) {
            into.put(k, v);
        }
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

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s == null || s.isEmpty() ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
