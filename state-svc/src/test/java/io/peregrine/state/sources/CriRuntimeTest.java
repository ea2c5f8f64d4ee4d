package io.peregrine.state.sources;

import io.peregrine.protocol.protobuf.ProtoWriter;
import io.peregrine.state.cri.CriContainer;
import io.peregrine.state.cri.CriResolver;
import io.peregrine.driver.live.LiveOptions;
import io.peregrine.driver.live.LiveSource;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.projection.ProjectedEventView;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.protocol.projection.ProjectionFormat;
import io.peregrine.state.projection.NodeState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The real CRI runtime (root): Debian's containerd, private to the test, runs a pod and its
 * container from a local image; the resolver must name the container and its image by its id, and
 * a process in that container, captured live from the kernel and applied to state, must carry
 * container.name and container.image once the runtime has answered.
 */
class CriRuntimeTest {
    static Path dir;
    static LocalContainerd containerd;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("cri");
        containerd = LocalContainerd.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (containerd != null) {
                containerd.close();
            }
        } finally {
            removeCgroups();
            try (Stream<Path> s = Files.walk(dir)) {
                // Best effort: a mount the runtime left behind must not fail the test.
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static final List<String> podUids = new ArrayList<>();

    /** The pod cgroups runc created under each cgroup v1 hierarchy (the containers' own are gone). */
    private static void removeCgroups() throws Exception {
        try (Stream<Path> roots = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path root : roots.toList()) {
                for (String uid : podUids) {
                    for (Path c = root.resolve("kubepods/besteffort/pod" + uid); c.startsWith(root.resolve("kubepods")); c = c.getParent()) {
                        if (!Files.isDirectory(c) || !c.toFile().delete()) {
                            break; // absent, or still used (by other tests' pods)
                        }
                    }
                }
            }
        }
    }

    private static String[] pod(String name, String container, List<String> command) throws Exception {
        String uid = UUID.randomUUID().toString();
        podUids.add(uid);
        ProtoWriter sandbox = LocalContainerd.sandboxConfig(name, "shop", uid, "/kubepods/besteffort/pod" + uid);
        String pod = containerd.runPod(sandbox);
        String id = containerd.runContainer(pod, sandbox, container, command, Map.of(CriContainer.POD_NAME, name,
                CriContainer.POD_NAMESPACE, "shop", CriContainer.POD_UID, uid));
        return new String[] {pod, id, uid};
    }

    /** Waits until a counter reaches a value (a hang bound, not a speed check). */
    static void await(LongSupplier counter, long value) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (counter.getAsLong() < value) {
            assertTrue(System.nanoTime() < deadline, "still " + counter.getAsLong() + ", waiting for " + value);
            Thread.sleep(5);
        }
    }

    @Test
    void resolverNamesTheContainerAndItsImage() throws Exception {
        String[] p = pod("web-7d9f", "nginx", List.of("/bin/busybox", "sleep", "60"));
        String id = p[1];
        try (CriResolver r = new CriResolver(containerd.client, 16, 60_000, 1000, 60_000, 64)) {
            assertNull(r.get(id), "nothing known before the runtime answers");
            await(r::found, 1);
            CriContainer c = r.get(id);
            assertNotNull(c);
            assertEquals(id, c.id());
            assertEquals("nginx", c.name());
            assertEquals(LocalContainerd.IMAGE, c.image());
            assertEquals("docker.io/peregrine/test", c.repository());
            assertEquals("1", c.tag());
            assertEquals(containerd.manifestDigest, c.digest(), "the repository digest from image_ref: " + c.imageRef());
            assertEquals("web-7d9f", c.podName());
            assertEquals("shop", c.podNamespace());
            assertEquals(p[2], c.podUid());
            assertSame(c, r.get(id), "cached");
            assertEquals(1, r.lookups());

            // A container the runtime does not know (another node's, a plain docker one): a negative
            // answer, kept, so it is not asked again.
            String unknown = "0123456789abcdef".repeat(4);
            assertNull(r.get(unknown));
            await(r::missing, 1);
            assertNull(r.get(unknown));
            assertNull(r.get(unknown));
            assertEquals(2, r.lookups());
            assertEquals(0, r.failures());
        }
    }

    @Test
    void liveProcessInTheContainerGetsNameAndImage() throws Exception {
        Set<String> fields = Set.of("container.id", "container.name", "container.image", "container.image.tag",
                "container.image.repository", "k8s.pod.name", "k8s.ns.name", "proc.name", "evt.type");
        NodeState state = new NodeState("live");
        state.projector().interest(Interest.of(false, Map.of("openat", fields, "execve", fields)));
        ProjectionEncoder enc = new ProjectionEncoder(1 << 16);
        List<Map<String, String>> mine = new ArrayList<>();
        try (CriResolver r = new CriResolver(containerd.client, 64, 60_000, 1000, 60_000, 64);
             LiveSource src = LiveSource.open(LiveOptions.defaults().withRingBytes(32 << 20))) {
            state.extractor().cri(r);
            // The container opens its own binary a few times a second for a while.
            String[] p = pod("shop-api-5c4d", "api", List.of("/bin/busybox", "sh", "-c",
                    "i=0; while [ $i -lt 100 ]; do /bin/busybox cat /bin/busybox > /dev/null; /bin/busybox sleep 0.1; i=$((i+1)); done"));
            String shortId = p[1].substring(0, 12);
            long[] num = {0};
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a hang bound
            // runc's init runs in the container's cgroup first; the container's own process follows.
            java.util.function.Predicate<Map<String, String>> named = m -> m.containsKey("container.name")
                    && "busybox".equals(m.get("proc.name"));
            while (mine.stream().noneMatch(named)) {
                int n = src.poll(rec -> {
                    enc.clear();
                    long k = io.peregrine.protocol.event.EventTable.isSynthetic(rec.type()) ? 0 : ++num[0];
                    if (state.process(rec.segment(), rec.offset(), k, enc)) {
                        Map<String, String> m = render(enc);
                        if (shortId.equals(m.get("container.id"))) {
                            mine.add(m);
                        }
                    }
                }, 4096);
                if (n == 0) {
                    Thread.sleep(2);
                }
                assertTrue(System.nanoTime() < deadline, "no event of the container with its name: " + mine.size()
                        + " events, resolver found " + r.found() + ", missing " + r.missing() + ", failures " + r.failures()
                        + "; " + (mine.isEmpty() ? "" : mine.get(mine.size() - 1)));
            }
            Map<String, String> e = mine.stream().filter(named).findFirst().orElseThrow();
            assertEquals("api", e.get("container.name"), e.toString());
            assertEquals(LocalContainerd.IMAGE, e.get("container.image"), e.toString());
            assertEquals("1", e.get("container.image.tag"), e.toString());
            assertEquals("docker.io/peregrine/test", e.get("container.image.repository"), e.toString());
            // No Kubernetes API here: the pod's name and namespace from the kubelet's labels on the container.
            assertEquals("shop-api-5c4d", e.get("k8s.pod.name"), e.toString());
            assertEquals("shop", e.get("k8s.ns.name"), e.toString());
        }
    }

    static Map<String, String> render(ProjectionEncoder enc) {
        ProjectedEventView v = new ProjectedEventView().wrap(enc.segment(), 0);
        Map<String, String> m = new HashMap<>();
        long at = v.firstValue();
        for (int i = 0; i < v.valueCount(); i++) {
            String name = FieldCatalog.byId(v.valueFieldId(at)).name();
            if (v.valueTag(at) == ProjectionFormat.TAG_BYTES) {
                m.put(name, v.textAt(v.valuePayload(at)));
            }
            at = v.nextValue(at);
        }
        return m;
    }
}
