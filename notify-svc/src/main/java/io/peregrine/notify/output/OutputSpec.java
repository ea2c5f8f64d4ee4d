package io.peregrine.notify.output;

import io.peregrine.protocol.alert.Priority;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The declaration of one output: what it is, where it sends, which alerts it takes and how it
 * words them. Null means "not set" for every optional field. Secrets ({@link #secret}, the Slack
 * {@link #url}, header values and TLS passwords) are write-only: {@link #withoutSecrets()} is
 * the only form that leaves the service.
 *
 * @param name         unique name, [A-Za-z0-9_.-]{1,64}
 * @param type         slack, webhook, nats, stdout, file or terminal
 * @param enabled      false keeps the declaration without delivering (default true)
 * @param minPriority  least severe priority taken (Falco spelling, default debug = all)
 * @param includeRules rules taken (exact names, '*' matches any text); empty = all
 * @param excludeRules rules never taken, same syntax
 * @param includeTags  taken only when the alert has one of these tags; empty = all
 * @param excludeTags  never taken when the alert has one of these tags
 * @param template     text of Slack messages and terminal lines; ${rule}, ${priority}, ${output},
 *                     ${time}, ${hostname}, ${source}, ${tags}, ${uuid}, ${count}, ${<output field>}
 * @param aggregation  same rule and key within a window become one notification with a count
 * @param url          Slack incoming-webhook URL or webhook URL
 * @param headers      extra HTTP headers of a webhook
 * @param secret       webhook HMAC-SHA256 key of the signature header
 * @param timeoutMillis HTTP timeout (connect and response), default 5000
 * @param tls          client certificate and trust for mutual TLS (webhook)
 * @param subject      NATS subject of a nats output
 * @param path         file of a file or terminal output
 * @param maxBytes     rotate a file when it grows beyond this size (default 100 MiB)
 * @param maxFiles     rotated files kept (default 5)
 */
public record OutputSpec(String name, String type, Boolean enabled, String minPriority,
                         List<String> includeRules, List<String> excludeRules,
                         List<String> includeTags, List<String> excludeTags,
                         String template, Aggregation aggregation,
                         String url, Map<String, String> headers, String secret, Integer timeoutMillis,
                         Tls tls, String subject, String path, Long maxBytes, Integer maxFiles) {

    /** What a secret header value is shown as; sent back, it keeps the stored value. */
    public static final String MASK = "********";
    public static final List<String> TYPES = List.of("slack", "webhook", "nats", "stdout", "file", "terminal");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Longest NATS subject an output may name; the server's protocol line holds 4 KiB with the rest. */
    static final int MAX_SUBJECT = 1024;
    private static final Pattern SUBJECT = Pattern.compile("[^\\s*>]+(\\.[^\\s*>]+)*");

    /** @param window how long a group collects alerts; @param keyFields output fields that, with the rule, form the group key */
    public record Aggregation(Duration window, List<String> keyFields) {
    }

    /** PKCS#12 key store with the client certificate, and trust store of the server's CA. */
    public record Tls(String keystore, String keystorePassword, String truststore, String truststorePassword) {
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public Priority minimumPriority() {
        return minPriority == null ? Priority.DEBUG : Priority.parse(minPriority);
    }

    public Duration timeout() {
        return Duration.ofMillis(timeoutMillis == null ? 5000 : timeoutMillis);
    }

    public long rotateBytes() {
        return maxBytes == null ? 100L << 20 : maxBytes;
    }

    public int rotatedFiles() {
        return maxFiles == null ? 5 : maxFiles;
    }

    /** Every problem of this declaration, in words an operator can act on; empty when valid. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            p.add("name must be 1-64 characters of A-Z a-z 0-9 _ . -");
        }
        if (type == null || !TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            p.add("type must be one of " + TYPES);
            return p;
        }
        for (List<String> rules : java.util.Arrays.asList(includeRules, excludeRules)) {
            if (rules != null && rules.stream().anyMatch(r -> r == null || r.length() > 1024)) {
                p.add("includeRules and excludeRules hold rule names or patterns of at most 1024 characters");
                break;
            }
        }
        if (minPriority != null && Priority.parse(minPriority) == null) {
            p.add("minPriority '" + minPriority + "' is not a Falco priority");
        }
        if (aggregation != null) {
            if (aggregation.window() == null || aggregation.window().isNegative() || aggregation.window().isZero()) {
                p.add("aggregation.window must be a positive duration, e.g. PT30S");
            } else if (aggregation.window().compareTo(Duration.ofMinutes(10)) > 0) {
                p.add("aggregation.window must be at most PT10M (alerts are held unacknowledged meanwhile)");
            }
        }
        if (timeoutMillis != null && (timeoutMillis < 1 || timeoutMillis > 600_000)) {
            p.add("timeoutMillis must be between 1 and 600000");
        }
        if (maxBytes != null && maxBytes < 1024) {
            p.add("maxBytes must be at least 1024");
        }
        if (maxFiles != null && (maxFiles < 1 || maxFiles > 100)) {
            // 0 once meant "delete the file when it is full": a declaration could erase any file the service may write.
            p.add("maxFiles must be between 1 and 100");
        }
        switch (type.toLowerCase(Locale.ROOT)) {
            case "slack", "webhook" -> {
                if (url == null) {
                    p.add(type + " needs url");
                } else {
                    try {
                        URI u = URI.create(url);
                        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                            p.add("url must be an http or https URL");
                        }
                    } catch (IllegalArgumentException e) {
                        // The parser's message quotes the URL, which may be a secret (Slack): not repeated.
                        p.add("url is not a valid URL");
                    }
                }
            }
            case "nats" -> {
                if (subject == null || !SUBJECT.matcher(subject).matches()) {
                    p.add("nats needs subject, a NATS subject without wildcards");
                } else if (subject.length() > MAX_SUBJECT) {
                    // The server refuses a longer one on every publish: each alert would fail there.
                    p.add("subject is at most " + MAX_SUBJECT + " characters");
                }
            }
            case "file", "terminal" -> {
                if (path == null || path.isBlank()) {
                    p.add(type + " needs path");
                }
            }
            default -> {
            }
        }
        return p;
    }

    /** This declaration as it may be shown: secrets left out (see {@link #secretsSet()}). */
    public OutputSpec withoutSecrets() {
        boolean slack = "slack".equalsIgnoreCase(type);
        Map<String, String> maskedHeaders = null;
        if (headers != null) {
            maskedHeaders = new java.util.TreeMap<>();
            for (String k : headers.keySet()) {
                maskedHeaders.put(k, MASK);
            }
        }
        Tls t = tls == null ? null : new Tls(tls.keystore(), null, tls.truststore(), null);
        return new OutputSpec(name, type, enabled, minPriority, includeRules, excludeRules, includeTags,
                excludeTags, template, aggregation, slack ? null : url, maskedHeaders, null, timeoutMillis,
                t, subject, path, maxBytes, maxFiles);
    }

    /** Names of the write-only fields that hold a value. */
    public List<String> secretsSet() {
        List<String> s = new ArrayList<>();
        if (secret != null) {
            s.add("secret");
        }
        if ("slack".equalsIgnoreCase(type) && url != null) {
            s.add("url");
        }
        if (headers != null && !headers.isEmpty()) {
            s.add("headers");
        }
        if (tls != null && tls.keystorePassword() != null) {
            s.add("tls.keystorePassword");
        }
        if (tls != null && tls.truststorePassword() != null) {
            s.add("tls.truststorePassword");
        }
        return s;
    }

    /**
     * An update keeps the stored secret wherever it leaves one out, so a client that only ever
     * sees the secret-free form can still change other fields. A masked header value keeps the
     * stored value of that header. Secrets belong to their destination: when the url moves to
     * another scheme, host or port, nothing stored is kept (what this update sends is), so the
     * old host's key and headers never go to the new one, not even by the test endpoint.
     */
    public OutputSpec keepingSecretsOf(OutputSpec stored) {
        if (stored == null || !sameOrigin(url, stored.url)) {
            return this;
        }
        boolean slack = "slack".equalsIgnoreCase(type);
        String u = url == null && slack && "slack".equalsIgnoreCase(stored.type) ? stored.url : url;
        Map<String, String> h = headers;
        if (h != null && stored.headers != null) {
            h = new java.util.TreeMap<>(h);
            for (Map.Entry<String, String> e : h.entrySet()) {
                if (MASK.equals(e.getValue()) && stored.headers.containsKey(e.getKey())) {
                    e.setValue(stored.headers.get(e.getKey()));
                }
            }
        } else if (h == null) {
            h = stored.headers;
        }
        Tls t = tls;
        if (t != null && stored.tls != null) {
            t = new Tls(t.keystore(),
                    t.keystorePassword() == null ? stored.tls.keystorePassword() : t.keystorePassword(),
                    t.truststore(),
                    t.truststorePassword() == null ? stored.tls.truststorePassword() : t.truststorePassword());
        }
        return new OutputSpec(name, type, enabled, minPriority, includeRules, excludeRules, includeTags,
                excludeTags, template, aggregation, u, h, secret == null ? stored.secret : secret, timeoutMillis,
                t, subject, path, maxBytes, maxFiles);
    }

    /** True when {@code next} is absent (the stored url stays) or has the scheme, host and port of {@code stored}. */
    static boolean sameOrigin(String next, String stored) {
        if (next == null || stored == null) {
            return true;
        }
        try {
            URI a = URI.create(next);
            URI b = URI.create(stored);
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                    && port(a) == port(b);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    public static Builder builder(String name, String type) {
        return new Builder(name, type);
    }

    /** Declarations in code: bootstrap outputs and tests. */
    public static final class Builder {
        private final String name;
        private final String type;
        private Boolean enabled;
        private String minPriority;
        private List<String> includeRules;
        private List<String> excludeRules;
        private List<String> includeTags;
        private List<String> excludeTags;
        private String template;
        private Aggregation aggregation;
        private String url;
        private Map<String, String> headers;
        private String secret;
        private Integer timeoutMillis;
        private Tls tls;
        private String subject;
        private String path;
        private Long maxBytes;
        private Integer maxFiles;

        private Builder(String name, String type) {
            this.name = name;
            this.type = type;
        }

        public Builder enabled(boolean v) { enabled = v; return this; }
        public Builder minPriority(String v) { minPriority = v; return this; }
        public Builder includeRules(String... v) { includeRules = List.of(v); return this; }
        public Builder excludeRules(String... v) { excludeRules = List.of(v); return this; }
        public Builder includeTags(String... v) { includeTags = List.of(v); return this; }
        public Builder excludeTags(String... v) { excludeTags = List.of(v); return this; }
        public Builder template(String v) { template = v; return this; }
        public Builder aggregation(Duration window, String... keyFields) { aggregation = new Aggregation(window, List.of(keyFields)); return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder headers(Map<String, String> v) { headers = v; return this; }
        public Builder secret(String v) { secret = v; return this; }
        public Builder timeoutMillis(int v) { timeoutMillis = v; return this; }
        public Builder tls(Tls v) { tls = v; return this; }
        public Builder subject(String v) { subject = v; return this; }
        public Builder path(String v) { path = v; return this; }
        public Builder maxBytes(long v) { maxBytes = v; return this; }
        public Builder maxFiles(int v) { maxFiles = v; return this; }

        public OutputSpec build() {
            return new OutputSpec(name, type, enabled, minPriority, includeRules, excludeRules, includeTags, excludeTags,
                    template, aggregation, url, headers, secret, timeoutMillis, tls, subject, path, maxBytes, maxFiles);
        }
    }

    /** Never prints secrets: logs and exceptions may carry this. */
    @Override
    public String toString() {
        return "Output[" + name + " " + type + "]";
    }
}
