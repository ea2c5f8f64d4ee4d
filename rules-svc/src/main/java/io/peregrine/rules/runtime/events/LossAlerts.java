package io.peregrine.rules.runtime.events;

import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.Priority;
import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.protocol.projection.ProjectedEventView;
import io.peregrine.protocol.projection.ProjectionFormat;
import io.peregrine.rules.engine.output.OutputTemplate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns state-svc's loss meta-events ({@code evt.type = drop}) into alerts of their own, as Falco
 * reports syscall event drops: a blind spot must wake someone up as surely as a detection does.
 */
public final class LossAlerts {

    public static final String RULE = "Peregrine internal: event loss";
    public static final List<String> TAGS = List.of("peregrine", "loss");

    private static final int DROP = EventTypes.code("drop");
    private static final FieldRef LOST = FieldCatalog.resolve("evt.arg.lost");
    private static final FieldRef REASON = FieldCatalog.resolve("evt.arg.reason");
    private static final byte[] LOST_ARG = "lost".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REASON_ARG = "reason".getBytes(StandardCharsets.US_ASCII);

    private final Priority priority;
    private long raised;

    public LossAlerts(Priority priority) {
        this.priority = priority;
    }

    boolean isLossEvent(ProjectedEventView e) {
        return e.direction() == ProjectionFormat.DIR_META && e.eventType() == DROP;
    }

    Alert alert(String id, ProjectedEventView e, String node) {
        raised++;
        String lost = text(e, LOST.field().id(), LOST_ARG);
        String reason = text(e, REASON.field().id(), REASON_ARG);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("evt.type", "drop");
        fields.put("evt.arg.lost", lost);
        fields.put("evt.arg.reason", reason);
        String text = OutputTemplate.time(e.ts()) + ": " + priority.falcoName() + " Events were lost on node " + node
                + " (lost=" + (lost == null ? "unknown" : lost) + " reason=" + reason + ")";
        return new Alert(id, java.time.Instant.ofEpochSecond(0, e.ts()), RULE, priority, text, fields,
                "internal", TAGS, node);
    }

    private static String text(ProjectedEventView e, int fieldId, byte[] arg) {
        long v = e.find(fieldId, arg);
        if (v < 0 || e.valueTag(v) != ProjectionFormat.TAG_BYTES) {
            return null;
        }
        return e.textAt(e.valuePayload(v));
    }

    /** The rule's next alert after throttling: it says how many were held back. */
    static Alert withSuppressed(Alert a, long suppressed) {
        Map<String, Object> fields = new LinkedHashMap<>(a.outputFields());
        fields.put("peregrine.suppressed", suppressed);
        return new Alert(a.uuid(), a.time(), a.rule(), a.priority(),
                a.output() + " (" + suppressed + " more suppressed by throttling)", fields, a.source(), a.tags(),
                a.hostname());
    }

    public long raised() {
        return raised;
    }
}
