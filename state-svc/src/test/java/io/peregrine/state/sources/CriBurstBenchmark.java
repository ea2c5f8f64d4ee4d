package io.peregrine.state.sources;

import io.peregrine.driver.live.LiveOptions;
import io.peregrine.driver.live.LiveSource;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.cri.CriContainer;
import io.peregrine.state.cri.CriResolver;
import io.peregrine.protocol.protobuf.ProtoWriter;
import io.peregrine.state.projection.NodeState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A measurement, not a test (root, real containerd and kernel): N containers started back to back
 * in one pod while the live events are applied to state; for each container, did its first execve
 * (and its init's exec of the entrypoint, the one Falco's container_started matches) carry
 * container.name and k8s.pod.name? Run once per wait bound given (0: the lookup is never waited
 * for, as before the wait existed).
 *
 * <pre>java ... io.peregrine.state.sources.CriBurstBenchmark 50 0 1000</pre>
 */
public final class CriBurstBenchmark {

    public static void main(String[] args) throws Exception {
        int containers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        List<Long> waits = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            waits.add(Long.parseLong(args[i]));
        }
        if (waits.isEmpty()) {
            waits = List.of(0L, 1000L);
        }
        Path dir = Files.createTempDirectory("cri-burst");
        List<String> uids = new ArrayList<>();
        try (LocalContainerd containerd = LocalContainerd.start(dir)) {
            System.out.println("runtime: " + containerd.client.version() + ", " + containers + " containers per round");
            for (long wait : waits) {
                round(containerd, containers, wait, uids);
            }
        } finally {
            CriFieldsTest.removeCgroups(uids);
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void round(LocalContainerd containerd, int count, long waitMillis, List<String> uids) throws Exception {
        String uid = UUID.randomUUID().toString();
        uids.add(uid);
        String podName = "burst-" + waitMillis;
        ProtoWriter sandbox = LocalContainerd.sandboxConfig(podName, "bench", uid, "/kubepods/besteffort/pod" + uid);
        Map<String, String> kubelet = Map.of(CriContainer.POD_NAME, podName, CriContainer.POD_NAMESPACE, "bench",
                CriContainer.POD_UID, uid);
        NodeState state = new NodeState("live");
        state.projector().interest(Interest.of(false, Map.of("execve", Set.of("container.id", "container.name",
                "k8s.pod.name", "proc.exe", "proc.vpid", "evt.dir"))));
        ProjectionEncoder enc = new ProjectionEncoder(1 << 16);
        Map<String, String> ids = new ConcurrentHashMap<>(); // short id → name
        List<String> full = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Map<String, String>> first = new HashMap<>(), init = new HashMap<>();
        long started;
        long[] startNanos = new long[1];
        try (CriResolver r = new CriResolver(containerd.client, 4096, 60_000, 1000, 60_000, 1024).waitMillis(waitMillis);
             LiveSource src = LiveSource.open(LiveOptions.defaults().withRingBytes(64 << 20))) {
            state.extractor().cri(r);
            String pod = containerd.runPod(sandbox);
            Exception[] failed = new Exception[1];
            Thread starter = new Thread(() -> {
                try {
                    startNanos[0] = System.nanoTime();
                    for (int i = 0; i < count; i++) {
                        String name = "c" + i;
                        // The init (pid 1: no default signal actions) ends on the runtime's TERM.
                        String id = containerd.runContainer(pod, sandbox, name, List.of("/bin/busybox", "sh", "-c",
                                "trap 'exit 0' TERM; /bin/busybox sleep 600 & wait"), kubelet,
                                c -> c.message(15, CriFieldsTest.security(false, null, -1)));
                        ids.put(id.substring(0, 12), name);
                        full.add(id);
                    }
                } catch (Exception e) {
                    failed[0] = e;
                }
            }, "starter");
            starter.start();
            // Events come before the starter learns the id: keep them by container id until then.
            Map<String, List<Map<String, String>>> pending = new HashMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300); // a hang bound
            while ((starter.isAlive() || init.size() < ids.size()) && System.nanoTime() < deadline) {
                int n = src.poll(rec -> {
                    enc.clear();
                    if (state.process(rec.segment(), rec.offset(), EventTable.isSynthetic(rec.type()) ? 0 : 1, enc)) {
                        Map<String, String> m = CriFieldsTest.render(enc);
                        String cid = m.get("container.id");
                        if ("<".equals(m.get("evt.dir")) && cid != null && !"host".equals(cid)) {
                            pending.computeIfAbsent(cid, k -> new ArrayList<>()).add(m);
                        }
                    }
                }, 4096);
                for (var e : pending.entrySet()) {
                    String name = ids.get(e.getKey());
                    if (name == null || e.getValue().isEmpty()) {
                        continue;
                    }
                    for (Map<String, String> m : e.getValue()) {
                        first.putIfAbsent(name, m);
                        if ("/bin/busybox".equals(m.get("proc.exe"))) {
                            init.putIfAbsent(name, m);
                        }
                    }
                    e.getValue().clear();
                }
                if (n == 0) {
                    Thread.sleep(2);
                }
            }
            started = System.nanoTime() - startNanos[0];
            starter.join();
            if (failed[0] != null) {
                throw failed[0];
            }
            int firstMissing = 0, initMissing = 0, initNotVpid1 = 0;
            for (String name : ids.values()) {
                Map<String, String> f = first.get(name), i = init.get(name);
                if (f == null || !name.equals(f.get("container.name")) || !podName.equals(f.get("k8s.pod.name"))) {
                    firstMissing++;
                }
                if (i == null || !name.equals(i.get("container.name")) || !podName.equals(i.get("k8s.pod.name"))) {
                    initMissing++;
                }
                if (i == null || !"1".equals(i.get("proc.vpid"))) {
                    initNotVpid1++;
                }
            }
            System.out.printf("wait bound %d ms: %d containers in %.1f s; first execve without container.name or "
                            + "k8s.pod.name: %d; init's execve without them: %d; init's execve not vpid 1: %d; "
                            + "lookups %d, found %d, waits %d, waits that reached the bound %d, waited %d ms in all%n",
                    waitMillis, ids.size(), started / 1e9, firstMissing, initMissing, initNotVpid1, r.lookups(), r.found(),
                    r.waits(), r.waitTimeouts(), r.waitedMillis());
        } finally {
            // One by one: stopping fifty at once in the pod's stop takes longer than a call may.
            for (String id : full) {
                try {
                    containerd.client.call(CriClient.RUNTIME_SERVICE, "StopContainer",
                            new ProtoWriter().string(1, id).varint(2, 2).toByteArray());
                } catch (CriClient.CallException e) {
                    System.err.println("stopping " + id + ": " + e.getMessage());
                }
            }
        }
    }
}
