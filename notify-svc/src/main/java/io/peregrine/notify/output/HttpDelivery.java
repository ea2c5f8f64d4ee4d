package io.peregrine.notify.output;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The HTTP side shared by Slack and webhook outputs: client set-up and reading of responses. */
final class HttpDelivery {

    private HttpDelivery() {
    }

    static HttpClient client(OutputSpec spec) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(spec.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (spec.tls() != null) {
            b.sslContext(sslContext(spec.tls()));
        }
        return b.build();
    }

    /** Classifies a response: 2xx taken; 429 and 5xx and 408 retried (429 after Retry-After); other 4xx permanent. */
    static Delivery outcome(HttpResponse<?> r) {
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            return Delivery.delivered();
        }
        if (s == 429) {
            return Delivery.retryable("HTTP 429", retryAfter(r.headers().firstValue("Retry-After")).orElse(null));
        }
        if (s >= 500 || s == 408) {
            return Delivery.retryable("HTTP " + s);
        }
        return Delivery.permanent("HTTP " + s);
    }

    static Delivery failure(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return Delivery.retryable("interrupted");
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return Delivery.retryable("timeout");
        }
        String msg = e.getMessage();
        return Delivery.retryable(e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg));
    }

    /** Retry-After is either seconds or an HTTP date (RFC 9110). */
    static Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String v = header.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static SSLContext sslContext(OutputSpec.Tls tls) {
        try {
            KeyManagerFactory kmf = null;
            if (tls.keystore() != null) {
                char[] pw = tls.keystorePassword() == null ? new char[0] : tls.keystorePassword().toCharArray();
                KeyStore ks = load(tls.keystore(), pw);
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
            }
            TrustManagerFactory tmf = null;
            if (tls.truststore() != null) {
                char[] pw = tls.truststorePassword() == null ? new char[0] : tls.truststorePassword().toCharArray();
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(tls.truststore(), pw));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            // The message names the file, never the password.
            throw new IllegalArgumentException("TLS set-up failed (" + tls.keystore() + ", " + tls.truststore() + "): "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static KeyStore load(String path, char[] pw) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            ks.load(in, pw);
        }
        return ks;
    }
}
