package io.peregrine.notify.output;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * Sends and reads the whole answer within {@code deadline}. The client's own request timeout
     * ends once the response headers arrive; a receiver trickling its body would hold the
     * delivery (and its slot) for ever, so the deadline covers the body as well.
     */
    static Delivery send(HttpClient client, HttpRequest request, Duration deadline) {
        CompletableFuture<HttpResponse<Void>> f = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            return outcome(f.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Delivery.retryable("timeout");
        } catch (ExecutionException e) {
            return failure(e.getCause() instanceof Exception c ? c : e);
        } catch (InterruptedException e) {
            return failure(e);
        } finally {
            // Aborts the exchange when it is still under way (the connection is not reused).
            f.cancel(true);
        }
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
        if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // Digits beyond a long are still "a very long time", not an unreadable header.
            return Optional.of(v.length() > 12 ? Duration.ofSeconds(999_999_999_999L) : Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
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
