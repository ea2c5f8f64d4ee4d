package io.peregrine.e2e.containers;

import io.peregrine.state.cri.CriContainer;
import io.peregrine.protocol.protobuf.ProtoReader;
import io.peregrine.protocol.protobuf.ProtoWriter;
import io.peregrine.state.sources.CriClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A private containerd (Debian's, with its CRI plugin) for tests: its own configuration, root,
 * state and sockets under a directory of the test, never a system containerd. Images are built on
 * this host ({@link TestImages}) and imported with ctr; containers run from the overlayfs
 * snapshotter, so an image's files are a lower layer and whatever a container writes is the upper
 * one, as on a production node. Pods get their network from {@code cni-dummy.sh}: a namespace of
 * their own with an interface that leads nowhere (nothing leaves the machine); host-network pods share the host's.
 * The test plays the kubelet: pod sandbox and containers over CRI, with the kubelet's labels.
 */
public final class TestContainerd implements AutoCloseable {

    /** A container as the kubelet ran it. {@code id} is the full 64-character id. */
    public record Container(String id, String name, String podName, String namespace, String podUid, String podId,
            String image, Options options) {
        public String shortId() {
            return id.substring(0, 12);
        }

        public String repository() {
            return image.substring(0, image.lastIndexOf(':'));
        }

        public String tag() {
            return image.substring(image.lastIndexOf(':') + 1);
        }
    }

    /** What ExecSync answered. */
    public record ExecResult(int exitCode, String stdout, String stderr) {
    }

    public final Path dir;
    public final Path socket;
    private final Process daemon;
    private final CriClient client;
    /** ExecSync waits for the command: a client of its own with a longer deadline. */
    private final CriClient execClient;
    private final List<String> pods = new ArrayList<>();
    /** containerd 1.6 puts shim sockets in /run/containerd/s whatever its configuration says. */
    private static final Path SHIM_SOCKETS = Path.of("/run/containerd/s");
    private final boolean shimDirExisted = Files.exists(SHIM_SOCKETS.getParent());

    private TestContainerd(Path dir, Process daemon, CriClient client) {
        this.dir = dir;
        this.socket = client.socket();
        this.daemon = daemon;
        this.client = client;
        this.execClient = new CriClient(socket, TimeUnit.SECONDS.toMillis(120));
    }

    /** Starts containerd under {@code dir} and waits until its CRI service answers. */
    public static TestContainerd start(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path socket = dir.resolve("containerd.sock");
        Path cni = Files.createDirectories(dir.resolve("cni"));
        try (InputStream plugin = TestContainerd.class.getResourceAsStream("/containers/cni-dummy.sh")) {
            byte[] script = plugin.readAllBytes();
            for (String name : List.of("peregrine-dummy", "loopback")) {
                Path p = cni.resolve(name);
                Files.write(p, script);
                p.toFile().setExecutable(true);
            }
        }
        Files.writeString(cni.resolve("10-peregrine.conflist"),
                "{\"cniVersion\":\"0.4.0\",\"name\":\"peregrine-test\",\"plugins\":[{\"type\":\"peregrine-dummy\"}]}");
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
                  restrict_oom_score_adj = true
                  [plugins."io.containerd.grpc.v1.cri".containerd]
                    snapshotter = "overlayfs"
                  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                    runtime_type = "io.containerd.runc.v2"
                    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                      Root = "%1$s/runc"
                  [plugins."io.containerd.grpc.v1.cri".cni]
                    bin_dir = "%1$s/cni"
                    conf_dir = "%1$s/cni"
                """.formatted(dir, socket, TestImages.BUSYBOX);
        Files.writeString(dir.resolve("config.toml"), config);
        Process daemon = new ProcessBuilder("containerd", "--config", dir.resolve("config.toml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("containerd.log").toFile()).start();
        CriClient client = new CriClient(socket, 30_000);
        try {
            // A bound against a daemon that never comes up, not a speed check.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
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
            return new TestContainerd(dir, daemon, client);
        } catch (Exception e) {
            client.close();
            daemon.destroy();
            daemon.waitFor(10, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Imports an OCI archive into the k8s.io namespace, unpacked for the overlayfs snapshotter. */
    public void importImage(Path ociArchive) throws Exception {
        run("ctr", "--address", socket.toString(), "-n", "k8s.io", "images", "import", "--snapshotter", "overlayfs",
                ociArchive.toString());
    }

    /**
     * Runs a pod with one container, as the kubelet would: a sandbox (privileged, host PID and host
     * network as the options say) under a kubepods cgroup, then the container with its labels.
     */
    public Container run(String podName, String namespace, String containerName, String image, Options o)
            throws Exception {
        String uid = UUID.randomUUID().toString();
        ProtoWriter podMeta = new ProtoWriter().string(1, podName).string(2, uid).string(3, namespace);
        ProtoWriter podNs = new ProtoWriter().varint(1, o.hostNetwork ? 2 : 0).varint(2, o.hostPid ? 2 : 0);
        ProtoWriter podSecurity = new ProtoWriter().message(1, podNs).bool(6, o.privileged);
        ProtoWriter linux = new ProtoWriter().string(1, "/kubepods/besteffort/pod" + uid).message(2, podSecurity);
        ProtoWriter sandbox = new ProtoWriter().message(1, podMeta)
                .entry(6, CriContainer.POD_NAME, podName).entry(6, CriContainer.POD_NAMESPACE, namespace)
                .entry(6, CriContainer.POD_UID, uid).message(8, linux);
        if (!o.hostNetwork) {
            sandbox.string(2, podName);
        }
        String podId = firstString(client.call(CriClient.RUNTIME_SERVICE, "RunPodSandbox",
                new ProtoWriter().message(1, sandbox).toByteArray()));
        pods.add(podId);

        ProtoWriter config = new ProtoWriter().message(1, new ProtoWriter().string(1, containerName))
                .message(2, new ProtoWriter().string(1, image));
        for (String c : o.command) {
            config.string(3, c);
        }
        for (Options.Mount m : o.mounts) {
            config.message(7, new ProtoWriter().string(1, m.containerPath()).string(2, m.hostPath()).bool(3, m.readOnly()));
        }
        config.entry(9, "io.kubernetes.container.name", containerName)
                .entry(9, CriContainer.POD_NAME, podName).entry(9, CriContainer.POD_NAMESPACE, namespace)
                .entry(9, CriContainer.POD_UID, uid);
        if (o.tty) {
            config.bool(12, true).bool(14, true);
        }
        ProtoWriter security = new ProtoWriter();
        if (!o.addCapabilities.isEmpty()) {
            ProtoWriter caps = new ProtoWriter();
            o.addCapabilities.forEach(c -> caps.string(1, c));
            security.message(1, caps);
        }
        security.bool(2, o.privileged)
                .message(3, new ProtoWriter().varint(1, o.hostNetwork ? 2 : 0).varint(2, o.hostPid ? 2 : 1));
        if (o.runAsUser != null) {
            security.message(5, new ProtoWriter().varint(1, o.runAsUser));
        }
        config.message(15, new ProtoWriter().message(2, security));
        String id = firstString(client.call(CriClient.RUNTIME_SERVICE, "CreateContainer",
                new ProtoWriter().string(1, podId).message(2, config).message(3, sandbox).toByteArray()));
        client.call(CriClient.RUNTIME_SERVICE, "StartContainer", new ProtoWriter().string(1, id).toByteArray());
        return new Container(id, containerName, podName, namespace, uid, podId, image, o);
    }

    /** ExecSync: the command runs in the container (a process the runtime starts there, as kubectl exec). */
    public ExecResult exec(Container c, String... command) throws Exception {
        ProtoWriter req = new ProtoWriter().string(1, c.id());
        for (String s : command) {
            req.string(2, s);
        }
        req.varint(3, 100);
        ProtoReader r = new ProtoReader(execClient.call(CriClient.RUNTIME_SERVICE, "ExecSync", req.toByteArray()));
        String out = "", err = "";
        int code = 0;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> out = r.string();
                case 2 -> err = r.string();
                case 3 -> code = (int) r.varint();
                default -> r.skip();
            }
        }
        return new ExecResult(code, out, err);
    }

    private static String firstString(byte[] response) {
        ProtoReader r = new ProtoReader(response);
        while (r.next()) {
            if (r.field() == 1) {
                return r.string();
            }
            r.skip();
        }
        throw new IllegalStateException("no id in the CRI response");
    }

    String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("containerd.log"));
    }

    /** SHA-256 of a file, streamed ({@code sha256:<hex>}). */
    static String digest(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    /** Stops and removes every pod (so the shims exit and the snapshots unmount), then stops containerd. */
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
            execClient.close();
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
