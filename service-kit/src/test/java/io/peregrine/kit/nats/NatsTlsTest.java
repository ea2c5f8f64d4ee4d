package io.peregrine.kit.nats;

import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * peregrine.nats.tls.ca-file against a real nats-server that requires TLS, with a CA and a server
 * certificate made by openssl as docs/deployment.md tells: the CA's file is trusted, another CA's
 * is not, and plain text is refused by the server.
 */
class NatsTlsTest {

    private static Path dir;
    private static Process server;
    private static int port;

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    private static void ca(String name) throws Exception {
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + name,
                "-keyout", name + ".key", "-out", name + ".crt");
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("nats-tls");
        ca("ca");
        ca("other-ca");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                + "extendedKeyUsage=serverAuth,clientAuth\n");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=nats", "-keyout", "tls.key", "-out", "tls.csr");
        run("openssl", "x509", "-req", "-in", "tls.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", "san.ext", "-out", "tls.crt");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("nats.conf"), """
                listen: 127.0.0.1:%d
                tls {
                  cert_file: "%s"
                  key_file: "%s"
                  timeout: 5
                }
                """.formatted(port, dir.resolve("tls.crt"), dir.resolve("tls.key")));
        server = new ProcessBuilder("nats-server", "-c", dir.resolve("nats.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nats.log").toFile()).start();
        for (int i = 0; ; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException notYet) {
                if (!server.isAlive() || i > 600) {
                    fail("nats-server did not start: " + Files.readString(dir.resolve("nats.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static NatsSettings settings(Optional<String> caFile) {
        return new NatsSettings(List.of("nats://localhost:" + port), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), caFile);
    }

    private static Connection connect(NatsSettings s) throws Exception {
        var o = new io.nats.client.Options.Builder(s.toOptions("tls-test", null, null)).maxReconnects(0).build();
        return Nats.connect(o);
    }

    @Test
    void theServersCaIsTrusted() throws Exception {
        NatsSettings s = settings(Optional.of(dir.resolve("ca.crt").toString()));
        assertTrue(s.toString().contains("tls: true"), s.toString());
        try (Connection c = connect(s)) {
            assertEquals(Connection.Status.CONNECTED, c.getStatus());
            c.flush(java.time.Duration.ofSeconds(5));
        }
    }

    @Test
    void anotherCaIsNotTrusted() {
        assertThrows(Exception.class, () -> connect(settings(Optional.of(dir.resolve("other-ca.crt").toString()))).close());
    }

    @Test
    void plainTextIsRefused() {
        assertThrows(Exception.class, () -> connect(settings(Optional.empty())).close());
    }

    @Test
    void aFileWithoutCertificatesIsAClearError() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        var e = assertThrows(IllegalArgumentException.class, () -> settings(Optional.of(empty.toString())).toOptions("x", null, null));
        assertTrue(e.getMessage().contains("peregrine.nats.tls.ca-file"), e.getMessage());
    }
}
