package io.peregrine.state.cri;

import io.peregrine.protocol.protobuf.ProtoWriter;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The verbose ContainerStatus and the PodSandboxStatus as each runtime writes them, and the
 * resolver's wait for a lookup in flight (a runtime held by the test, not a clock).
 */
class CriDecodingTest {
    private static final String ID = "c".repeat(64), SANDBOX = "5".repeat(64), IMAGE_ID = "a".repeat(64);

    private static byte[] status(String infoJson) {
        ProtoWriter s = new ProtoWriter().string(1, ID).message(2, new ProtoWriter().string(1, "api"))
                .varint(5, 1_700_000_000_123_456_789L)
                .message(8, new ProtoWriter().string(1, "registry.local/api:2"))
                .string(9, "registry.local/api@sha256:" + "9".repeat(64))
                // Mount {container_path 1, host_path 2, readonly 3, propagation 5}
                .message(14, new ProtoWriter().string(1, "/host/etc").string(2, "/etc").bool(3, true))
                .message(14, new ProtoWriter().string(1, "/data").string(2, "/srv/data").varint(5, 2))
                .message(14, new ProtoWriter().string(1, "/lib/modules").string(2, "/lib/modules").varint(5, 1));
        ProtoWriter r = new ProtoWriter().message(1, s);
        if (infoJson != null) {
            r.entry(2, "info", infoJson);
        }
        return r.toByteArray();
    }

    @Test
    void containerdVerboseStatus() {
        CriContainer c = CriContainer.fromStatusResponse(status("{\"sandboxID\":\"" + SANDBOX + "\",\"pid\":42,"
                + "\"config\":{\"image\":{\"image\":\"sha256:" + IMAGE_ID + "\"},"
                + "\"linux\":{\"security_context\":{\"privileged\":true}}},\"runtimeSpec\":{\"linux\":{}}}"));
        assertEquals(Boolean.TRUE, c.spec().privileged());
        assertEquals(IMAGE_ID, text(c.spec().imageIdBytes()));
        assertEquals(SANDBOX, c.spec().sandboxId());
        assertEquals(1_700_000_000_123_456_789L, c.spec().startedAt());
        assertEquals(3, c.spec().mounts().size());
        CriContainer.Mount etc = c.spec().mounts().get(0);
        assertEquals("/etc", etc.source());
        assertEquals("/host/etc", etc.dest());
        assertFalse(etc.rdwr());
        assertEquals("private", etc.propagation());
        assertEquals("/etc:/host/etc::false:private", text(etc.text()));
        assertEquals("rshared", c.spec().mounts().get(1).propagation());
        assertEquals("rslave", c.spec().mounts().get(2).propagation());
        assertEquals("/etc:/host/etc::false:private,/srv/data:/data::true:rshared,/lib/modules:/lib/modules::true:rslave",
                text(c.spec().mountsText()));
    }

    @Test
    void privilegedWhereEachRuntimeWritesIt() {
        // cri-o: at the top.
        assertEquals(Boolean.TRUE, CriContainer.fromStatusResponse(status("{\"privileged\":true}")).spec().privileged());
        // Older containerd: in the runtime spec's linux security context.
        assertEquals(Boolean.TRUE, CriContainer.fromStatusResponse(status(
                "{\"runtimeSpec\":{\"linux\":{\"security_context\":{\"privileged\":true}}}}")).spec().privileged());
        // The runtimes leave false out: a JSON that does not say is false.
        assertEquals(Boolean.FALSE, CriContainer.fromStatusResponse(status("{\"config\":{}}")).spec().privileged());
        // No JSON (not verbose), or one that cannot be read: unknown.
        assertNull(CriContainer.fromStatusResponse(status(null)).spec().privileged());
        assertNull(CriContainer.fromStatusResponse(status("{\"config\":")).spec().privileged());
        // An image named, not by id, in the JSON: no id from it (the image service is asked instead).
        assertNull(CriContainer.fromStatusResponse(status("{\"config\":{\"image\":{\"image\":\"api:2\"}}}"))
                .spec().imageIdBytes());
    }

    @Test
    void sandboxStatus() {
        ProtoWriter linux = new ProtoWriter().message(1, new ProtoWriter().message(2, new ProtoWriter().varint(1, 0)));
        byte[] pod = new ProtoWriter().message(1, new ProtoWriter().string(1, SANDBOX)
                .message(2, new ProtoWriter().string(1, "api-0").string(2, "uid-1").string(3, "prod"))
                .message(5, new ProtoWriter().string(1, "10.4.2.7")).message(6, linux)
                .entry(7, "app", "api").entry(7, "io.kubernetes.pod.name", "api-0").entry(7, "flag", "")
                .entry(7, "annotation.x", "y")).toByteArray();
        CriSandbox s = CriSandbox.fromStatusResponse(pod);
        assertEquals("10.4.2.7", text(s.ipBytes()));
        assertFalse(s.hostNetwork());
        assertEquals(SANDBOX.substring(0, 12), text(s.shortIdBytes()));
        assertEquals("uid-1", text(s.uidBytes()));
        assertEquals("app:api, flag", text(s.labelsText()), "the kubelet's labels and annotations left out");
        assertEquals("api-0", text(s.labelBytes().get("io.kubernetes.pod.name")), "but each can be named");

        ProtoWriter node = new ProtoWriter().message(1, new ProtoWriter().message(2, new ProtoWriter().varint(1, 2)));
        CriSandbox host = CriSandbox.fromStatusResponse(new ProtoWriter().message(1, new ProtoWriter().string(1, SANDBOX)
                .message(5, new ProtoWriter().string(1, "192.168.1.5")).message(6, node)).toByteArray());
        assertTrue(host.hostNetwork());
        assertEquals("0.0.0.0", text(host.ipBytes()), "a pod in the host's network has no address of its own");
        assertEquals("0.0.0.0", text(CriSandbox.fromStatusResponse(new ProtoWriter().message(1, new ProtoWriter()
                .string(1, SANDBOX).message(5, new ProtoWriter().string(1, "fd00::7"))).toByteArray()).ipBytes()),
                "only IPv4 is kept");
        assertThrows(IllegalArgumentException.class, () -> CriSandbox.fromStatusResponse(new byte[0]));
    }

    @Test
    void sandboxHostNamespaces() {
        // NamespaceOption {network 1, pid 2, ipc 3}; NamespaceMode POD 0, CONTAINER 1, NODE 2.
        java.util.function.Function<ProtoWriter, CriSandbox> sandbox = options -> CriSandbox.fromStatusResponse(
                new ProtoWriter().message(1, new ProtoWriter().string(1, SANDBOX).message(6,
                        new ProtoWriter().message(1, new ProtoWriter().message(2, options)))).toByteArray());
        CriSandbox pod = sandbox.apply(new ProtoWriter().varint(1, 0).varint(2, 1).varint(3, 0));
        assertFalse(pod.hostNetwork());
        assertFalse(pod.hostPid());
        assertFalse(pod.hostIpc());
        CriSandbox pid = sandbox.apply(new ProtoWriter().varint(2, 2).string(4, "target"));
        assertTrue(pid.hostPid());
        assertFalse(pid.hostNetwork());
        assertFalse(pid.hostIpc());
        CriSandbox all = sandbox.apply(new ProtoWriter().varint(1, 2).varint(2, 2).varint(3, 2));
        assertTrue(all.hostNetwork() && all.hostPid() && all.hostIpc());
        assertEquals("0.0.0.0", text(all.ipBytes()));
        CriSandbox none = CriSandbox.fromStatusResponse(new ProtoWriter().message(1, new ProtoWriter()
                .string(1, SANDBOX)).toByteArray());
        assertFalse(none.hostNetwork() || none.hostPid() || none.hostIpc(), "no linux status: the pod's own namespaces");
    }

    @Test
    void aLookupInFlightIsWaitedForOnceWithinTheBound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CriContainer answer = CriContainer.of(ID, "api", "api:2", "", java.util.Map.of());
        CriResolver.Runtime held = id -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer;
        };
        try (CriResolver r = new CriResolver(held, 16, 60_000, 1000, 60_000, 16).waitMillis(20)) {
            // The runtime does not answer within the bound: the event goes on without the fields.
            assertNull(r.resolve(ID));
            assertEquals(1, r.waits());
            assertEquals(1, r.waitTimeouts());
            // Later events of the same container do not wait again for the same lookup.
            assertNull(r.resolve(ID));
            assertEquals(1, r.waits());
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); // a hang bound
            while (r.found() < 1) {
                assertTrue(System.nanoTime() < deadline);
                Thread.sleep(2);
            }
            assertSame(answer, r.resolve(ID));
        }
        // A runtime that answers within the bound: the first ask gets the answer.
        try (CriResolver r = new CriResolver(id -> answer, 16, 60_000, 1000, 60_000, 16).waitMillis(20_000)) {
            assertSame(answer, r.resolve(ID));
            assertEquals(0, r.waitTimeouts());
        }
        // Without a bound nothing waits.
        try (CriResolver r = new CriResolver(held, 16, 60_000, 1000, 60_000, 16)) {
            assertNull(r.resolve(ID));
            assertEquals(0, r.waits());
        }
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
