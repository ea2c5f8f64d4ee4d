package io.peregrine.notify.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.peregrine.notify.routing.MessageTemplate;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.protocol.alert.Priority;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * Slack incoming webhook: one attachment coloured by priority, titled by the rule, with the
 * output line and the fields someone on call looks at first. A 429 is retried after Retry-After.
 */
public final class SlackOutput implements Output {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Output fields shown first, when the alert has them; the others follow up to {@link #MAX_FIELDS}. */
    private static final java.util.List<String> KEY_FIELDS = java.util.List.of(
            "proc.cmdline", "proc.name", "user.name", "fd.name", "proc.pname", "k8s.ns.name", "k8s.pod.name",
            "container.image.repository");
    private static final int MAX_FIELDS = 12;

    private final OutputSpec spec;
    private final HttpClient client;
    private final URI uri;
    private final MessageTemplate template;

    public SlackOutput(OutputSpec spec) {
        this.spec = spec;
        this.client = HttpDelivery.client(spec);
        this.uri = URI.create(spec.url());
        this.template = spec.template() == null ? null : new MessageTemplate(spec.template());
    }

    @Override
    public String name() {
        return spec.name();
    }

    public static String colour(Priority p) {
        return switch (p) {
            case EMERGENCY, ALERT -> "#8b0000";
            case CRITICAL -> "#e01e5a";
            case ERROR -> "#ff5f00";
            case WARNING -> "#ecb22e";
            case NOTICE -> "#36a2eb";
            case INFORMATIONAL -> "#2eb67d";
            case DEBUG -> "#a0a0a0";
        };
    }

    /**
     * Slack's control characters made literal: {@code <} and {@code >} bracket links and mentions
     * ({@code <!channel>}, {@code <https://x|label>}) and {@code &} starts the escapes. Alert text
     * carries what an attacker typed (command lines, file names), so every piece of it is escaped.
     */
    static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The Slack message body of a notification. */
    public byte[] message(Notification n) {
        Alert a = n.alert();
        ObjectNode root = JSON.createObjectNode();
        String count = n.aggregated() ? " (" + n.count() + " alerts)" : "";
        // A template's own text is escaped too: its values are alert text, and Slack markup written
        // in a template would be indistinguishable from the same markup arriving in a value.
        root.put("text", escape(template != null ? template.render(n)
                : a.priority().falcoName() + ": " + a.rule() + count + " on " + a.hostname()));
        ObjectNode att = root.putArray("attachments").addObject();
        att.put("color", colour(a.priority()));
        att.put("fallback", escape(a.priority().falcoName() + " " + a.rule() + ": " + a.output()));
        att.put("title", escape(a.rule() + count));
        att.put("text", escape(a.output()));
        ArrayNode fields = att.putArray("fields");
        field(fields, "priority", a.priority().falcoName(), true);
        field(fields, "rule", a.rule(), true);
        field(fields, "hostname", a.hostname(), true);
        String container = container(a.outputFields());
        if (container != null) {
            field(fields, "container", container, true);
        }
        if (!a.tags().isEmpty()) {
            field(fields, "tags", String.join(", ", a.tags()), false);
        }
        int shown = 0;
        for (String k : KEY_FIELDS) {
            if (a.outputFields().get(k) != null && shown < MAX_FIELDS) {
                field(fields, k, a.outputFields().get(k).toString(), false);
                shown++;
            }
        }
        for (Map.Entry<String, Object> e : a.outputFields().entrySet()) {
            if (shown >= MAX_FIELDS) {
                break;
            }
            if (!KEY_FIELDS.contains(e.getKey()) && !e.getKey().startsWith("container.") && e.getValue() != null) {
                field(fields, e.getKey(), e.getValue().toString(), true);
                shown++;
            }
        }
        if (n.aggregated()) {
            field(fields, "count", Integer.toString(n.count()), true);
        }
        field(fields, "time", AlertJson.formatTime(a.time()), true);
        field(fields, "uuid", a.uuid(), true);
        att.put("footer", "peregrine");
        att.put("ts", a.time().getEpochSecond());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Container name (id), or the pod when there is no container name; null on the host. */
    static String container(Map<String, Object> f) {
        Object name = f.get("container.name");
        Object id = f.get("container.id");
        if (id != null && "host".equals(id.toString())) {
            return null;
        }
        if (name != null) {
            return id != null ? name + " (" + id + ")" : name.toString();
        }
        if (id != null) {
            return id.toString();
        }
        Object pod = f.get("k8s.pod.name");
        return pod == null ? null : pod.toString();
    }

    private static void field(ArrayNode fields, String title, String value, boolean isShort) {
        ObjectNode f = fields.addObject();
        f.put("title", escape(title));
        f.put("value", escape(value));
        f.put("short", isShort);
    }

    @Override
    public Delivery deliver(Notification n) {
        HttpRequest r = HttpRequest.newBuilder(uri)
                .timeout(spec.timeout())
                .header("Content-Type", "application/json")
                .header(WebhookOutput.ALERT_ID_HEADER, n.alert().uuid())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message(n)))
                .build();
        return HttpDelivery.send(client, r, spec.timeout());
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
