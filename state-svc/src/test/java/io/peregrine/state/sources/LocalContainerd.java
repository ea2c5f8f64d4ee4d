package io.peregrine.state.sources;

import io.peregrine.protocol.protobuf.ProtoWriter;
import io.peregrine.protocol.protobuf.ProtoReader;
import io.peregrine.state.cri.CriContainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's containerd with its CRI plugin, run with its own configuration, root, state and sockets
 * under a temporary directory (a system containerd is never used), and a tiny local image: a layer
 * holding the static busybox, imported with ctr (no registry is reachable). Pods run in the host's
 * network namespace, so no CNI is needed. The test plays the kubelet's part over CRI.
 */
final class LocalContainerd implements AutoCloseable {
    static final String IMAGE = "docker.io/peregrine/test:1";

    final Path dir;
    final Path socket;
    final CriClient client;
    /** The image manifest's digest, {@code sha256:...}: also a repository digest of the image. */
    final String manifestDigest;
    /** The image's id as CRI names it: its config's digest, {@code sha256:...}. */
    final String imageId;
    private final Process daemon;
    private final List<String> pods = new ArrayList<>();
    /** containerd 1.6 puts shim sockets in /run/containerd/s whatever its configuration says. */
    private static final Path SHIM_SOCKETS = Path.of("/run/containerd/s");
    private final boolean shimDirExisted = Files.exists(SHIM_SOCKETS.getParent());

    private LocalContainerd(Path dir, Process daemon, CriClient client, String[] digests) {
        this.dir = dir;
        this.socket = client.socket();
        this.daemon = daemon;
        this.client = client;
        this.manifestDigest = digests[0];
        this.imageId = digests[1];
    }

    static LocalContainerd start(Path dir) throws Exception {
        Path socket = dir.resolve("containerd.sock");
        Files.createDirectories(dir.resolve("cni"));
        String config = """
                version = 2
                root = "%1$s/root"
                state = "%1$s/state"
                [grpc]
                  address = "%2$s"
                [ttrpc]
                  address = "%2$s.ttrpc"
                [debug]
                  address = "%1$s/debug.sock"
                [plugins."io.containerd.internal.v1.opt"]
                  path = "%1$s/opt"
                [plugins."io.containerd.grpc.v1.cri"]
                  sandbox_image = "%3$s"
                  disable_tcp_service = true
                  # Never below containerd's own score: lowering it needs rights a test host may lack.
                  restrict_oom_score_adj = true
                  [plugins."io.containerd.grpc.v1.cri".containerd]
                    snapshotter = "native"
                  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                    runtime_type = "io.containerd.runc.v2"
                    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                      Root = "%1$s/runc"
                  [plugins."io.containerd.grpc.v1.cri".cni]
                    bin_dir = "%1$s/cni"
                    conf_dir = "%1$s/cni"
                """.formatted(dir, socket, IMAGE);
        Files.writeString(dir.resolve("config.toml"), config);
        Process daemon = new ProcessBuilder("containerd", "--config", dir.resolve("config.toml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("containerd.log").toFile()).start();
        CriClient client = new CriClient(socket, 5000);
        try {
            // Started when the CRI service answers (a hang bound, not a speed check).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    client.version();
                    break;
                } catch (CriClient.CallException notYet) {
                    if (!daemon.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("containerd did not start: " + notYet.getMessage() + "\n"
                                + Files.readString(dir.resolve("containerd.log")));
                    }
                    Thread.sleep(50);
                }
            }
            return new LocalContainerd(dir, daemon, client, importImage(dir, socket));
        } catch (Exception e) {
            client.close();
            daemon.destroy();
            daemon.waitFor(10, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * Builds an OCI archive (busybox as /bin/busybox), imports it, tags it with its digest too;
     * the manifest's and the config's digests.
     */
    private static String[] importImage(Path dir, Path socket) throws Exception {
        Path img = Files.createDirectories(dir.resolve("image"));
        Path rootfs = Files.createDirectories(img.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("busybox"));
        run(dir, "tar", "-C", img.resolve("rootfs").toString(), "--owner=0", "--group=0", "-cf",
                img.resolve("layer.tar").toString(), "bin");
        Path blobs = Files.createDirectories(img.resolve("oci/blobs/sha256"));
        byte[] layer = Files.readAllBytes(img.resolve("layer.tar"));
        String layerDigest = blob(blobs, layer);
        byte[] configJson = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/bin/busybox\",\"sleep\",\"3600\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + layerDigest + "\"]}}").getBytes(StandardCharsets.UTF_8);
        String configDigest = blob(blobs, configJson);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + configJson.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                + "\"digest\":\"" + layerDigest + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        String manifestDigest = blob(blobs, manifest);
        Files.writeString(img.resolve("oci/index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest + "\",\"size\":"
                + manifest.length + ",\"annotations\":{\"io.containerd.image.name\":\"" + IMAGE + "\"}}]}");
        Files.writeString(img.resolve("oci/oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        run(dir, "tar", "-C", img.resolve("oci").toString(), "-cf", img.resolve("image.tar").toString(),
                "oci-layout", "index.json", "blobs");
        run(dir, "ctr", "--address", socket.toString(), "-n", "k8s.io", "images", "import", "--snapshotter", "native",
                img.resolve("image.tar").toString());
        String repo = IMAGE.substring(0, IMAGE.lastIndexOf(':'));
        run(dir, "ctr", "--address", socket.toString(), "-n", "k8s.io", "images", "tag", IMAGE, repo + "@" + manifestDigest);
        return new String[] {manifestDigest, configDigest};
    }

    private static String blob(Path blobs, byte[] content) throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Files.write(blobs.resolve(hex), content);
        return "sha256:" + hex;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    /** PodSandboxConfig: metadata, labels as the kubelet sets them, host network, a cgroup parent. */
    static ProtoWriter sandboxConfig(String name, String namespace, String uid, String cgroupParent) {
        return sandboxConfig(name, namespace, uid, cgroupParent, Map.of(), false);
    }

    /** The same with the pod's own labels, and privileged (which privileged containers need). */
    static ProtoWriter sandboxConfig(String name, String namespace, String uid, String cgroupParent,
                                     Map<String, String> labels, boolean privileged) {
        ProtoWriter metadata = new ProtoWriter().string(1, name).string(2, uid).string(3, namespace);
        ProtoWriter hostNetwork = new ProtoWriter().varint(1, 2); // NamespaceMode NODE
        // LinuxSandboxSecurityContext: namespace_options 1, privileged 6.
        ProtoWriter linux = new ProtoWriter().string(1, cgroupParent)
                .message(2, new ProtoWriter().message(1, hostNetwork).bool(6, privileged));
        // No hostname: a host-network pod shares the host's UTS namespace.
        ProtoWriter config = new ProtoWriter().message(1, metadata)
                .entry(6, CriContainer.POD_NAME, name).entry(6, CriContainer.POD_NAMESPACE, namespace)
                .entry(6, CriContainer.POD_UID, uid);
        labels.forEach((k, v) -> config.entry(6, k, v));
        return config.message(8, linux);
    }

    /** RunPodSandbox: the sandbox's id. */
    String runPod(ProtoWriter sandbox) throws Exception {
        byte[] r = client.call(CriClient.RUNTIME_SERVICE, "RunPodSandbox", new ProtoWriter().message(1, sandbox).toByteArray());
        String id = firstString(r);
        pods.add(id);
        return id;
    }

    /** CreateContainer + StartContainer with the kubelet's labels; the container's id. */
    String runContainer(String pod, ProtoWriter sandbox, String name, List<String> command, Map<String, String> podLabels)
            throws Exception {
        return runContainer(pod, sandbox, name, command, podLabels, c -> {
        });
    }

    /** The same, with more of the ContainerConfig (mounts 7, linux 15, ...) written by {@code more}. */
    String runContainer(String pod, ProtoWriter sandbox, String name, List<String> command, Map<String, String> podLabels,
                        java.util.function.Consumer<ProtoWriter> more) throws Exception {
        ProtoWriter config = new ProtoWriter().message(1, new ProtoWriter().string(1, name))
                .message(2, new ProtoWriter().string(1, IMAGE));
        for (String c : command) {
            config.string(3, c);
        }
        config.entry(9, "io.kubernetes.container.name", name);
        podLabels.forEach((k, v) -> config.entry(9, k, v));
        more.accept(config);
        byte[] r = client.call(CriClient.RUNTIME_SERVICE, "CreateContainer",
                new ProtoWriter().string(1, pod).message(2, config).message(3, sandbox).toByteArray());
        String id = firstString(r);
        client.call(CriClient.RUNTIME_SERVICE, "StartContainer", new ProtoWriter().string(1, id).toByteArray());
        return id;
    }

    private static String firstString(byte[] response) {
        ProtoReader r = new ProtoReader(response);
        while (r.next()) {
            if (r.field() == 1) {
                return r.string();
            }
        }
        throw new IllegalStateException("no id in the CRI response");
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("containerd.log"));
    }

    /** Stops and removes every pod (so the shims exit), then stops containerd. */
    @Override
    public void close() throws Exception {
        try {
            for (String pod : pods) {
                try {
                    client.call(CriClient.RUNTIME_SERVICE, "StopPodSandbox", new ProtoWriter().string(1, pod).toByteArray());
                    client.call(CriClient.RUNTIME_SERVICE, "RemovePodSandbox", new ProtoWriter().string(1, pod).toByteArray());
                } catch (CriClient.CallException e) {
                    System.err.println("removing pod " + pod + ": " + e.getMessage());
                }
            }
        } finally {
            client.close();
            daemon.destroy();
            if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
            if (!shimDirExisted) {
                // Only what this daemon created, and only when empty.
                SHIM_SOCKETS.toFile().delete();
                SHIM_SOCKETS.getParent().toFile().delete();
            }
        }
    }
}
