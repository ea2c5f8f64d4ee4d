package io.peregrine.protocol.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert, as rules-svc publishes it and notify-svc delivers it. Its JSON form
 * ({@link AlertJson}) is Falco's {@code json_output} record plus {@code uuid}, so consumers of
 * Falco alerts (falcosidekick and the like) read it as is.
 *
 * @param uuid         unique id of this alert (random UUID text)
 * @param time         time of the event that matched, nanosecond precision
 * @param rule         rule name
 * @param priority     rule priority
 * @param output       the rule's output template, resolved (Falco's "output" text, prefixed
 *                     with the time and priority as Falco does)
 * @param outputFields values of the fields the output template names, keyed by field as written
 *                     (e.g. {@code proc.aname[2]}); values are String, Long, Boolean or null
 *                     (null when the field has no value for this event, Falco's {@code <NA>})
 * @param source       event source, {@code syscall} for the kernel events
 * @param tags         rule tags, in rule order
 * @param hostname     host (node) the event comes from
 */
public record Alert(String uuid, Instant time, String rule, Priority priority, String output,
                    Map<String, Object> outputFields, String source, List<String> tags, String hostname) {

    public Alert {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(hostname, "hostname");
        // Defensive copies; LinkedHashMap via Collections keeps order and allows null values.
        outputFields = outputFields == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputFields));
        tags = tags == null ? List.of() : List.copyOf(tags);
        for (Object v : outputFields.values()) {
            if (v != null && !(v instanceof String) && !(v instanceof Long) && !(v instanceof Boolean)) {
                throw new IllegalArgumentException("output field value must be String, Long, Boolean or null, not "
                        + v.getClass().getName());
            }
        }
    }
}
