package io.peregrine.state.sources;

import io.peregrine.protocol.protobuf.ProtoWriter;
import io.peregrine.state.cri.CriContainer;
import io.peregrine.state.cri.CriResolver;
import io.peregrine.state.service.CriMetadataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Without a runtime: no socket means CRI is off; a socket nobody serves fails each lookup, which is
 * counted and backed off without ever blocking the caller; malformed answers fail clearly.
 */
class CriUnavailableTest {

    @Test
    void socketIsFoundUnderTheHostRootOrNotAtAll(@TempDir Path root) throws Exception {
        assertTrue(CriMetadataSource.findSocket(root.toString(), CriMetadataSource.DEFAULT_SOCKETS).isEmpty());
        // A regular file where a socket should be is not a socket.
        Files.createDirectories(root.resolve("run/crio"));
        Files.writeString(root.resolve("run/crio/crio.sock"), "not a socket");
        assertTrue(CriMetadataSource.findSocket(root.toString(), CriMetadataSource.DEFAULT_SOCKETS).isEmpty());
        Path sock = deadSocket(root.resolve("run/containerd/containerd.sock"));
        assertEquals(sock, CriMetadataSource.findSocket(root.toString(), CriMetadataSource.DEFAULT_SOCKETS).orElseThrow());
        assertEquals(sock, CriMetadataSource.findSocket(null, List.of("unix://" + sock)).orElseThrow());
    }

    @Test
    void aSocketThatFailsIsCountedAndBackedOff(@TempDir Path dir) throws Exception {
        Path sock = deadSocket(dir.resolve("containerd.sock"));
        String a = "a".repeat(64), b = "b".repeat(64);
        try (CriClient client = new CriClient(sock, 1000);
             CriResolver r = new CriResolver(client, 16, 60_000, 60_000, 120_000, 64)) {
            assertNull(r.get(a));
            CriRuntimeTest.await(r::failures, 1);
            assertEquals(60_000, r.backoffMillis());
            assertNull(r.get(a), "failed: not asked again during the backoff");
            // Another container during the backoff: answered "not now" without a call.
            assertNull(r.get(b));
            CriRuntimeTest.await(r::deferred, 1);
            assertNull(r.get(b));
            assertEquals(1, r.lookups());
            assertEquals(1, r.failures());
            assertEquals(0, r.found());
        }
    }

    @Test
    void aMissingSocketFailsTheCallWithItsStatus(@TempDir Path dir) {
        try (CriClient client = new CriClient(dir.resolve("none.sock"), 1000)) {
            CriClient.CallException e = assertThrows(CriClient.CallException.class, () -> client.containerStatus("c".repeat(64)));
            assertEquals(io.grpc.Status.Code.UNAVAILABLE, e.code(), e.getMessage());
        }
    }

    @Test
    void malformedAnswersFailClearly() {
        // status (1) claims 5 bytes, holds 1.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CriContainer.fromStatusResponse(new byte[] {0x0a, 0x05, 0x0a}));
        assertTrue(e.getMessage().contains("malformed protobuf"), e.getMessage());
        // status.id (1) as a varint instead of a string.
        byte[] wrongType = new ProtoWriter().message(1, new ProtoWriter().varint(1, 7)).toByteArray();
        e = assertThrows(IllegalArgumentException.class, () -> CriContainer.fromStatusResponse(wrongType));
        assertTrue(e.getMessage().contains("wire type"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CriContainer.fromStatusResponse(new byte[0]));
        assertTrue(e.getMessage().contains("without a status"), e.getMessage());
    }

    @Test
    void statusFieldsAndImageNamesDecode() {
        ProtoWriter status = new ProtoWriter().string(1, "f".repeat(64))
                .message(2, new ProtoWriter().string(1, "api").varint(2, 3))
                .varint(4, 1_700_000_000_000_000_000L)
                .message(8, new ProtoWriter().string(1, "registry.local:5000/team/api:2.1"))
                .string(9, "registry.local:5000/team/api@sha256:" + "9".repeat(64))
                .entry(12, CriContainer.POD_NAME, "api-0").entry(12, CriContainer.POD_NAMESPACE, "prod")
                .string(15, "/var/log/pods/x.log");
        CriContainer c = CriContainer.fromStatusResponse(new ProtoWriter().message(1, status).entry(2, "info", "{}").toByteArray());
        assertEquals("api", c.name());
        assertEquals("registry.local:5000/team/api:2.1", c.image());
        assertEquals("registry.local:5000/team/api", c.repository());
        assertEquals("2.1", c.tag());
        assertEquals("sha256:" + "9".repeat(64), c.digest());
        assertEquals("api-0", c.podName());
        assertEquals("prod", c.podNamespace());

        CriContainer untagged = CriContainer.of("x", "n", "registry.local:5000/team/api", "sha256:" + "1".repeat(64), Map.of());
        assertEquals("registry.local:5000/team/api", untagged.repository());
        assertNull(untagged.tag());
        assertNull(untagged.digest(), "an image id is not a repository digest");
        CriContainer pinned = CriContainer.of("x", "n", "busybox@sha256:" + "2".repeat(64), "", Map.of());
        assertEquals("busybox", pinned.repository());
        assertNull(pinned.tag());
        assertEquals("sha256:" + "2".repeat(64), pinned.digest());
        CriContainer byId = CriContainer.of("x", "n", "sha256:" + "3".repeat(64), "", Map.of());
        assertNull(byId.repository());
        assertNull(byId.tag());
    }

    /** A unix socket file with nobody listening: connections are refused. */
    private static Path deadSocket(Path path) throws Exception {
        Files.createDirectories(path.getParent());
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(path));
        }
        return path;
    }
}
