package io.peregrine.notify.output;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.peregrine.notify.delivery.Alerts;
import io.peregrine.protocol.alert.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A webhook over HTTPS that demands a client certificate. */
class MutualTlsTest {

    private static final String PW = "changeit";

    /** Test-only stores under src/test/resources/mtls (self-signed, SAN 127.0.0.1), copied out of the classpath. */
    private static void copy(Path dir, String name) throws Exception {
        try (InputStream in = MutualTlsTest.class.getResourceAsStream("/mtls/" + name)) {
            Files.copy(in, dir.resolve(name));
        }
    }

    private static KeyStore load(Path p) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p)) {
            ks.load(in, PW.toCharArray());
        }
        return ks;
    }

    @Test
    void deliversWithTheClientCertificateAndFailsWithoutIt(@TempDir Path dir) throws Exception {
        for (String f : List.of("server.p12", "client.p12", "server-trust.p12", "client-trust.p12")) {
            copy(dir, f);
        }

        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(dir.resolve("server.p12")), PW.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(dir.resolve("server-trust.p12")));
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        AtomicInteger got = new AtomicInteger();
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                javax.net.ssl.SSLParameters p = ctx.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            got.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        try {
            OutputSpec withCert = OutputSpec.builder("mtls", "webhook").url(url).timeoutMillis(5000)
                    .tls(new OutputSpec.Tls(dir.resolve("client.p12").toString(), PW, dir.resolve("client-trust.p12").toString(), PW))
                    .build();
            try (WebhookOutput out = new WebhookOutput(withCert)) {
                Delivery d = out.deliver(Notification.of(Alerts.alert("r", Priority.ERROR)));
                assertTrue(d.ok(), String.valueOf(d.reason()));
            }
            assertEquals(1, got.get());

            OutputSpec noCert = OutputSpec.builder("tls", "webhook").url(url).timeoutMillis(5000)
                    .tls(new OutputSpec.Tls(null, null, dir.resolve("client-trust.p12").toString(), PW)).build();
            try (WebhookOutput out = new WebhookOutput(noCert)) {
                Delivery d = out.deliver(Notification.of(Alerts.alert("r", Priority.ERROR)));
                assertEquals(Delivery.Kind.RETRYABLE, d.kind());
            }
            assertEquals(1, got.get(), "refused without a client certificate");
        } finally {
            server.stop(0);
        }
    }
}
