package io.peregrine.notify.output;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;

/**
 * POSTs the Falco JSON alert as published, so Falco consumers take it unchanged, with the alert id
 * in {@code X-Peregrine-Alert-Id}, the output's custom headers and, when a secret is set, the
 * HMAC-SHA256 signature of the body.
 */
public final class WebhookOutput implements Output {

    public static final String ALERT_ID_HEADER = "X-Peregrine-Alert-Id";
    // The JDK client refuses to set these itself.
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final OutputSpec spec;
    private final HttpClient client;
    private final URI uri;

    public WebhookOutput(OutputSpec spec) {
        this.spec = spec;
        this.client = HttpDelivery.client(spec);
        this.uri = URI.create(spec.url());
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public Delivery deliver(Notification n) {
        byte[] body = n.body();
        HttpRequest.Builder r = HttpRequest.newBuilder(uri)
                .timeout(spec.timeout())
                .header("Content-Type", "application/json")
                .header(ALERT_ID_HEADER, n.alert().uuid());
        if (spec.headers() != null) {
            for (Map.Entry<String, String> h : spec.headers().entrySet()) {
                if (!RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    r.header(h.getKey(), h.getValue());
                }
            }
        }
        if (spec.secret() != null) {
            r.header(Signature.HEADER, Signature.sign(spec.secret(), body));
        }
        return HttpDelivery.send(client, r.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), spec.timeout());
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
