package io.peregrine.state.sources;

import io.peregrine.driver.live.LiveOptions;
import io.peregrine.driver.live.LiveSource;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.projection.ProjectedEventView;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.protocol.projection.ProjectionFormat;
import io.peregrine.state.cri.CriContainer;
import io.peregrine.state.cri.CriResolver;
import io.peregrine.protocol.protobuf.ProtoWriter;
import io.peregrine.state.projection.NodeState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The container and pod fields against what the test asked the real CRI runtime for (root,
 * Debian's containerd, private to the test): a pod with labels, a privileged container, one with a
 * read-only host mount of /etc and NET_ADMIN added, one running as uid 1000. Each container's
 * process execs at once; the first execve captured live from the kernel in each container must
 * already carry its metadata (the lookup in flight is waited for), and be the container's init
 * (proc.vpid 1, what Falco's container_started macro tests).
 */
class CriFieldsTest {
    static Path dir;
    static LocalContainerd containerd;
    static final List<String> podUids = new ArrayList<>();

    static final Set<String> FIELDS = Set.of("container.id", "container.name", "container.type",
            "container.privileged", "container.image", "container.image.id", "container.mounts", "container.mount[/etc]",
            "container.mount.dest[/etc]", "container.mount.source[/host/*]", "container.mount.rdwr[/etc]",
            "container.mount.mode[0]", "container.mount.propagation[0]", "container.mount[1]", "container.ip",
            "container.start_ts", "container.host_network", "container.host_pid", "container.host_ipc",
            "container.healthcheck", "container.liveness_probe", "container.readiness_probe",
            "k8s.pod.name", "k8s.ns.name", "k8s.pod.uid", "k8s.pod.labels", "k8s.pod.label[app]",
            "k8s.pod.label[missing]", "k8s.pod.ip", "k8s.pod.sandbox_id", "k8s.pod.full_sandbox_id", "proc.vpid",
            "proc.name", "proc.exe", "thread.cap_effective", "thread.cap_permitted", "user.uid", "evt.dir", "evt.type");

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("cri-fields");
        containerd = LocalContainerd.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (containerd != null) {
                containerd.close();
            }
        } finally {
            removeCgroups(podUids);
            try (Stream<Path> s = Files.walk(dir)) {
                // Best effort: a mount the runtime left behind must not fail the test.
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The pod cgroups runc created under each cgroup v1 hierarchy (the containers' own are gone). */
    static void removeCgroups(List<String> uids) throws Exception {
        try (Stream<Path> roots = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path root : roots.toList()) {
                for (String uid : uids) {
                    for (Path c = root.resolve("kubepods/besteffort/pod" + uid); c.startsWith(root.resolve("kubepods")); c = c.getParent()) {
                        if (!Files.isDirectory(c) || !c.toFile().delete()) {
                            break; // absent, or still used
                        }
                    }
                }
            }
        }
    }

    /**
     * LinuxContainerConfig (15) → security_context (2): capabilities 1 {add 1}, privileged 2,
     * namespace_options 3 {network 1, pid 2}, run_as_user 5. As the kubelet asks for a pod without
     * a shared process namespace: the host's network (this pod's), a pid namespace of its own.
     */
    static ProtoWriter security(boolean privileged, String addCapability, long runAsUser) {
        ProtoWriter sc = new ProtoWriter();
        if (addCapability != null) {
            sc.message(1, new ProtoWriter().string(1, addCapability));
        }
        sc.bool(2, privileged);
        sc.message(3, new ProtoWriter().varint(1, 2).varint(2, 1)); // network NODE, pid CONTAINER
        if (runAsUser >= 0) {
            // Int64Value {value 1}: present even for 0.
            sc.message(5, new ProtoWriter().varint(1, runAsUser));
        }
        return new ProtoWriter().message(2, sc);
    }

    @Test
    void fieldsAreWhatTheRuntimeWasAskedFor() throws Exception {
        String uid = UUID.randomUUID().toString();
        podUids.add(uid);
        String podName = "payments-6b7f", ns = "shop";
        ProtoWriter sandbox = LocalContainerd.sandboxConfig(podName, ns, uid, "/kubepods/besteffort/pod" + uid,
                Map.of("app", "payments", "tier", "back"), true);
        Map<String, String> kubelet = Map.of(CriContainer.POD_NAME, podName, CriContainer.POD_NAMESPACE, ns,
                CriContainer.POD_UID, uid);
        // Each container's init execs busybox at once, which runs a second command, then stays until
        // the runtime's TERM (pid 1 has no default signal actions).
        List<String> command = List.of("/bin/busybox", "sh", "-c",
                "/bin/busybox true; trap 'exit 0' TERM; /bin/busybox sleep 30 & wait");

        NodeState state = new NodeState("live");
        state.projector().interest(Interest.of(false, Map.of("execve", FIELDS)));
        ProjectionEncoder enc = new ProjectionEncoder(1 << 16);
        // container name → the events of that container, in order.
        Map<String, List<Map<String, String>>> byContainer = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        try (CriResolver r = new CriResolver(containerd.client, 64, 60_000, 1000, 60_000, 64).waitMillis(20_000);
             LiveSource src = LiveSource.open(LiveOptions.defaults().withRingBytes(32 << 20))) {
            state.extractor().cri(r);
            String pod = containerd.runPod(sandbox);
            String priv = containerd.runContainer(pod, sandbox, "priv", command, kubelet,
                    c -> c.message(15, security(true, null, -1)));
            String netadmin = containerd.runContainer(pod, sandbox, "netadmin", command, kubelet, c -> c
                    // Mount {container_path 1, host_path 2, readonly 3}
                    .message(7, new ProtoWriter().string(1, "/host/etc").string(2, "/etc").bool(3, true))
                    .message(7, new ProtoWriter().string(1, "/scratch").string(2, dir.toString()))
                    .message(15, security(false, "NET_ADMIN", 0)));
            String user = containerd.runContainer(pod, sandbox, "user", command, kubelet,
                    c -> c.message(15, security(false, null, 1000)));
            names.put(priv.substring(0, 12), "priv");
            names.put(netadmin.substring(0, 12), "netadmin");
            names.put(user.substring(0, 12), "user");

            long[] num = {0};
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a hang bound
            while (byContainer.size() < 3 || byContainer.values().stream().anyMatch(l -> busybox(l).size() < 2)) {
                int n = src.poll(rec -> {
                    enc.clear();
                    long k = EventTable.isSynthetic(rec.type()) ? 0 : ++num[0];
                    if (state.process(rec.segment(), rec.offset(), k, enc)) {
                        Map<String, String> m = render(enc);
                        String name = names.get(m.get("container.id"));
                        if (name != null && "<".equals(m.get("evt.dir"))) {
                            byContainer.computeIfAbsent(name, x -> new ArrayList<>()).add(m);
                        }
                    }
                }, 4096);
                if (n == 0) {
                    Thread.sleep(2);
                }
                assertTrue(System.nanoTime() < deadline, "execve events per container: " + byContainer);
            }

            for (String name : List.of("priv", "netadmin", "user")) {
                // The first execve in the container's cgroup (runc's own, as it starts the container's
                // init) already carries the metadata: the lookup its first field asked for was waited for.
                Map<String, String> first = byContainer.get(name).getFirst();
                assertEquals(name, first.get("container.name"), name + ": " + first);
                assertEquals(podName, first.get("k8s.pod.name"), name + ": " + first);
                // The container's init execs the entrypoint: what Falco's container_started matches.
                Map<String, String> e = busybox(byContainer.get(name)).getFirst();
                String why = name + ": " + e;
                assertEquals("1", e.get("proc.vpid"), "container_started: the container's init, " + why);
                assertEquals(name, e.get("container.name"), why);
                assertEquals(podName, e.get("k8s.pod.name"), why);
                assertEquals(ns, e.get("k8s.ns.name"), why);
                assertEquals("containerd", e.get("container.type"), why);
                assertEquals(LocalContainerd.IMAGE, e.get("container.image"), why);
                assertEquals(containerd.imageId.substring("sha256:".length()), e.get("container.image.id"), why);
                assertEquals(uid, e.get("k8s.pod.uid"), why);
                assertEquals("app:payments, tier:back", e.get("k8s.pod.labels"), why);
                assertEquals("payments", e.get("k8s.pod.label[app]"), why);
                assertEquals("absent", e.get("k8s.pod.label[missing]"), why);
                assertEquals(pod, e.get("k8s.pod.full_sandbox_id"), why);
                assertEquals(pod.substring(0, 12), e.get("k8s.pod.sandbox_id"), why);
                // A pod in the host's network has no address of its own: libsinsp says 0.0.0.0.
                assertEquals("0.0.0.0", e.get("k8s.pod.ip"), why);
                assertEquals("0.0.0.0", e.get("container.ip"), why);
                // The sandbox's namespace options: the host's network, its own pid and IPC namespaces.
                assertEquals("true", e.get("container.host_network"), why);
                assertEquals("false", e.get("container.host_pid"), why);
                assertEquals("false", e.get("container.host_ipc"), why);
                // CRI tells no health probes: a described container has none.
                assertEquals("NONE", e.get("container.healthcheck"), why);
                assertEquals("NONE", e.get("container.liveness_probe"), why);
                assertEquals("NONE", e.get("container.readiness_probe"), why);
                assertTrue(Long.parseLong(e.get("container.start_ts")) > 0, why);
                // The second execve (busybox true, a child of the init) is not the init.
                Map<String, String> child = busybox(byContainer.get(name)).get(1);
                assertNotEquals("1", child.get("proc.vpid"), child.toString());
            }

            Map<String, String> p = busybox(byContainer.get("priv")).getFirst();
            assertEquals("true", p.get("container.privileged"), p.toString());
            assertTrue(caps(p, "thread.cap_effective").contains("CAP_SYS_ADMIN"), p.toString());
            assertEquals("", p.get("container.mounts"), "no mounts asked for: " + p);
            assertEquals("absent", p.get("container.mount[/etc]"), p.toString());

            Map<String, String> n = busybox(byContainer.get("netadmin")).getFirst();
            assertEquals("false", n.get("container.privileged"), n.toString());
            assertTrue(caps(n, "thread.cap_effective").contains("CAP_NET_ADMIN"), n.toString());
            assertFalse(caps(n, "thread.cap_effective").contains("CAP_SYS_ADMIN"), n.toString());
            assertTrue(caps(n, "thread.cap_permitted").contains("CAP_NET_ADMIN"), n.toString());
            assertEquals("0", n.get("user.uid"), n.toString());
            assertEquals("/etc:/host/etc::false:private", n.get("container.mount[/etc]"), n.toString());
            assertEquals("/host/etc", n.get("container.mount.dest[/etc]"), n.toString());
            assertEquals("/etc", n.get("container.mount.source[/host/*]"), "by destination, a glob: " + n);
            assertEquals("false", n.get("container.mount.rdwr[/etc]"), n.toString());
            assertEquals("", n.get("container.mount.mode[0]"), "CRI gives no mode: " + n);
            assertEquals("private", n.get("container.mount.propagation[0]"), n.toString());
            assertEquals(dir + ":/scratch::true:private", n.get("container.mount[1]"), n.toString());
            assertEquals("/etc:/host/etc::false:private," + dir + ":/scratch::true:private", n.get("container.mounts"),
                    n.toString());

            Map<String, String> u = busybox(byContainer.get("user")).getFirst();
            assertEquals("1000", u.get("user.uid"), u.toString());
            assertEquals("false", u.get("container.privileged"), u.toString());
            assertFalse(caps(u, "thread.cap_effective").contains("CAP_NET_ADMIN"), u.toString());

            // The pod's sandbox (its pause process runs in a cgroup of its own) is described as its pod.
            CriContainer sandboxed = r.resolve(pod);
            assertNotNull(sandboxed, "the sandbox, waited for");
            assertEquals(podName, sandboxed.name());
            assertEquals(ns, sandboxed.podNamespace());
            assertEquals(uid, sandboxed.podUid());
            assertEquals("payments", new String(sandboxed.sandbox().labelBytes().get("app"), StandardCharsets.UTF_8));
            assertNull(sandboxed.image());
            // Each container and the sandbox looked up once; the first events waited for the answers.
            assertEquals(4, r.found(), "found");
            assertEquals(0, r.waitTimeouts(), "waits that reached the bound");
        }
    }

    /** The container's own execs (runc's come first). */
    private static List<Map<String, String>> busybox(List<Map<String, String>> events) {
        return events.stream().filter(e -> "/bin/busybox".equals(e.get("proc.exe"))).toList();
    }

    private static List<String> caps(Map<String, String> e, String field) {
        String v = e.get(field);
        assertNotNull(v, field + " in " + e);
        return List.of(v.split(" "));
    }

    /** Every value as text: bytes as they are, numbers in decimal, booleans as true/false, absent as "absent". */
    static Map<String, String> render(ProjectionEncoder enc) {
        ProjectedEventView v = new ProjectedEventView().wrap(enc.segment(), 0);
        assertNull(v.validate(enc.size()));
        Map<String, String> m = new HashMap<>();
        long at = v.firstValue();
        for (int i = 0; i < v.valueCount(); i++) {
            String name = FieldCatalog.byId(v.valueFieldId(at)).name();
            int al = v.valueArgLength(at);
            if (al > 0) {
                byte[] a = new byte[al];
                for (int k = 0; k < al; k++) {
                    a[k] = v.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, v.valueArgOffset(at) + k);
                }
                name += "[" + new String(a, StandardCharsets.UTF_8) + "]";
            }
            long p = v.valuePayload(at);
            m.put(name, switch (v.valueTag(at)) {
                case ProjectionFormat.TAG_BYTES -> v.textAt(p);
                case ProjectionFormat.TAG_INT64, ProjectionFormat.TAG_UINT64 -> Long.toString(v.int64At(p));
                case ProjectionFormat.TAG_BOOL -> Boolean.toString(v.boolAt(p));
                case ProjectionFormat.TAG_ABSENT -> "absent";
                default -> "tag" + v.valueTag(at);
            });
            at = v.nextValue(at);
        }
        return m;
    }
}
