package io.peregrine.state.sources;

import io.peregrine.state.pods.PodMeta;
import io.peregrine.state.pods.PodDirectory;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.projection.ProjectedEventView;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.protocol.projection.ProjectionFormat;
import io.peregrine.state.NamedEvents;
import io.peregrine.state.extract.FieldExtractor;
import io.peregrine.state.projection.NodeState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static io.peregrine.state.NamedEvents.p;
import static org.junit.jupiter.api.Assertions.*;

/**
 * k8s.* fields from pod metadata served by a local HTTP server that answers as the Kubernetes API
 * does (list, watch, field selectors), for processes placed in kubepods cgroups.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class PodMetadataTest {
    static KubernetesClient client;

    private static final String CONTAINER = "3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708";
    private static final Set<String> FIELDS = Set.of("k8s.pod.name", "k8s.ns.name", "k8s.pod.labels",
            "k8s.pod.label[app]", "k8s.pod.label.tier", "k8s.pod.label[missing]", "k8s.pod.uid", "container.id",
            "k8s.pod.ip");

    private final NodeState state = new NodeState("n1");
    private final EventRecordBuilder b = new EventRecordBuilder();
    private long num;
    private long ts = 1_000_000_000L;

    @Test
    void podNameNamespaceAndLabelsFollowTheApi() throws Exception {
        Pod web = create("web-1", "shop", "n1", Map.of("app", "web", "tier", "front"));
        Pod other = create("db-1", "shop", "n2", Map.of("app", "db"));
        PodDirectory dir = new PodDirectory();
        state.extractor().pods(dir);
        state.projector().interest(Interest.of(true, Map.of("x", FIELDS)));
        try (PodWatcher w = new PodWatcher(dir)) {
            // The mock server's field selectors cover metadata.name/namespace only: the node is
            // selected here on the client side, as the watcher also does behind the server's selector.
            w.start(client, "n1", 60_000, false);
            String webUid = web.getMetadata().getUid();
            await(() -> w.synced() && dir.size() > 0, "the first list");
            seedInPod(100, webUid);
            Map<String, String> v = project(100);
            assertEquals("web-1", v.get("k8s.pod.name"));
            assertEquals("shop", v.get("k8s.ns.name"));
            assertEquals("app:web, tier:front", v.get("k8s.pod.labels"));
            assertEquals("web", v.get("k8s.pod.label[app]"));
            assertEquals("front", v.get("k8s.pod.label[tier]"));
            assertEquals("absent", v.get("k8s.pod.label[missing]"));
            assertEquals(webUid, v.get("k8s.pod.uid"));
            assertEquals("3f2a1b4c5d6e", v.get("container.id"));
            assertEquals("absent", v.get("k8s.pod.ip"), "no address assigned yet");

            // The address the API server reports once the pod has one.
            client.pods().inNamespace("shop").withName("web-1").editStatus(p -> new PodBuilder(p).editOrNewStatus()
                    .withPodIP("10.1.2.3").endStatus().build());
            await(() -> "10.1.2.3".equals(project(100).get("k8s.pod.ip")), "the pod's address");

            // A pod created after the first list arrives through the watch (the API server names its uid).
            String lateUid = create("job-7", "batch", "n1", Map.of("app", "job")).getMetadata().getUid();
            seedInPod(300, lateUid);
            await(() -> "job-7".equals(project(300).get("k8s.pod.name")), "the watched pod");
            assertEquals("job-7", project(300).get("k8s.pod.name"));
            assertEquals("batch", project(300).get("k8s.ns.name"));
            // A pod of another node is not followed (its processes are not on this node): the list
            // that came before the watched pod did not bring it.
            seedInPod(200, other.getMetadata().getUid());
            long misses = dir.misses();
            assertEquals("absent", project(200).get("k8s.pod.name"), "a pod not known: absent at once, no waiting");
            assertTrue(dir.misses() > misses, "counted as a miss");
            assertEquals(2, dir.size());

            // A label change arrives through the watch; a deleted pod leaves.
            client.pods().inNamespace("shop").withName("web-1").edit(p -> new PodBuilder(p).editMetadata()
                    .addToLabels("tier", "back").endMetadata().build());
            await(() -> "back".equals(project(100).get("k8s.pod.label[tier]")), "the label change");
            assertEquals("app:web, tier:back", project(100).get("k8s.pod.labels"));
            client.pods().inNamespace("batch").withName("job-7").delete();
            await(() -> dir.get(lateUid) == null, "the deletion");
            assertEquals("absent", project(300).get("k8s.pod.name"));
            assertTrue(w.updates() >= 4, "add, add, update, delete: " + w.updates());
        }
    }

    @Test
    void directoryIsBoundedAndHostThreadsHaveNoPod() {
        PodDirectory dir = new PodDirectory(1);
        assertTrue(dir.put(new PodMeta("u1", "a", "ns", Map.of())));
        assertFalse(dir.put(new PodMeta("u2", "b", "ns", Map.of())));
        assertTrue(dir.put(new PodMeta("u1", "a2", "ns", Map.of("k", "v"))), "a known pod is replaced");
        assertEquals(1, dir.refused());
        assertEquals("a2", new String(dir.get("u1").name(), StandardCharsets.UTF_8));

        state.extractor().pods(dir);
        state.projector().interest(Interest.of(true, Map.of("x", FIELDS)));
        emit(EventCodes.PEREGRINE_SEED_THREAD_E, 400, p("tid", 400L, "pid", 400L, "ptid", 1L, "comm", "sshd",
                "exe", "sshd", "cwd", "/", "cgroups", "cpu=/system.slice/ssh.service\0".getBytes(StandardCharsets.UTF_8)));
        Map<String, String> v = project(400);
        assertEquals("host", v.get("container.id"));
        assertEquals("absent", v.get("k8s.pod.name"));
        assertEquals("absent", v.get("k8s.pod.uid"));
        for (String f : new String[] {"k8s.pod.name", "k8s.ns.name", "k8s.pod.labels", "k8s.pod.label"}) {
            assertTrue(new FieldExtractor(state.threads(), state.users(), "h").supports(f), f);
            assertTrue(FieldCatalog.byName(f).computed(), f);
        }
    }

    private static Pod pod(String name, String ns, String node, Map<String, String> labels) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).withLabels(labels)
                .endMetadata().withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("i")
                .endContainer().endSpec().build();
    }

    private static Pod create(String name, String ns, String node, Map<String, String> labels) {
        Pod p = client.pods().inNamespace(ns).resource(pod(name, ns, node, labels)).create();
        assertNotNull(p.getMetadata().getUid(), "the API server gives each pod a uid");
        return p;
    }

    /** Waits for something the client's threads do; the bound only turns a hang into a clear failure. */
    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        for (int i = 0; i < 6000 && !done.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(done.getAsBoolean(), "never saw " + what);
    }

    private void seedInPod(long tid, String podUid) {
        String cg = "cpu=/kubepods/besteffort/pod" + podUid + "/" + CONTAINER + "\0";
        emit(EventCodes.PEREGRINE_SEED_THREAD_E, tid, p("tid", tid, "pid", tid, "ptid", 1L, "comm", "nginx",
                "exe", "nginx", "cwd", "/", "cgroups", cg.getBytes(StandardCharsets.UTF_8)));
    }

    private Map<String, String> project(long tid) {
        ProjectionEncoder enc = new ProjectionEncoder(1024);
        b.begin(ts++, tid, EventCodes.PPME_SYSCALL_CLOSE_E, 1).addI64(7).finish();
        assertTrue(state.process(b.segment(), 0, ++num, enc));
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
                name += "[" + new String(a, StandardCharsets.US_ASCII) + "]";
            }
            int tag = v.valueTag(at);
            m.put(name, tag == ProjectionFormat.TAG_BYTES ? v.textAt(v.valuePayload(at))
                    : tag == ProjectionFormat.TAG_ABSENT ? "absent" : "tag" + tag);
            at = v.nextValue(at);
        }
        return m;
    }

    private void emit(int code, long tid, Map<String, Object> params) {
        NamedEvents.build(b, ts++, tid, code, params);
        state.parser().apply(b.segment(), 0, ++num);
    }

}
