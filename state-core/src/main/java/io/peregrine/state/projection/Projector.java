package io.peregrine.state.projection;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.protocol.projection.ProjectionFormat;
import io.peregrine.state.extract.CompiledField;
import io.peregrine.state.extract.FieldExtractor;
import io.peregrine.state.extract.GenericEventNames;
import io.peregrine.state.parsers.EventContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns parsed events into projected records: for each event type of the interest, exactly the
 * fields the rules read. The interest is compiled once per change into a table by scap type code,
 * so the event path is an array lookup and a loop over prepared fields. The thread-context fields
 * come first and form the record's context block, which the encoder shares between the records of
 * one thread within a frame.
 */
public final class Projector {

    /** The drop meta-event's type in {@link EventTypes}. */
    public static final int DROP_TYPE = EventTypes.code("drop");
    private static final FieldRef LOST = FieldCatalog.resolve("evt.arg.lost");
    private static final FieldRef REASON = FieldCatalog.resolve("evt.arg.reason");
    private static final byte[] LOST_LABEL = "lost".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REASON_LABEL = "reason".getBytes(StandardCharsets.US_ASCII);

    private final FieldExtractor extractor;
    /**
     * The compiled interest, replaced as a whole: fields by scap code, thread-context fields
     * first, and per code how many of them are context.
     */
    private record Compiled(CompiledField[][] byCode, int[] contextCount) {
    }

    private volatile Compiled compiled = new Compiled(new CompiledField[EventTable.SCAP_LIMIT][], new int[EventTable.SCAP_LIMIT]);
    private final int[] eventTypeCode = new int[EventTable.SCAP_LIMIT];
    private final List<String> rejected = new ArrayList<>();

    public Projector(FieldExtractor extractor) {
        this.extractor = extractor;
        for (int code = 0; code < EventTable.SCAP_LIMIT; code++) {
            EventType t = EventTable.get(code);
            eventTypeCode[code] = t == null ? 0 : Math.max(0, EventTypes.code(t.name()));
        }
    }

    /**
     * Compiles a new interest; field references that do not resolve are left out and listed in
     * {@link #rejected()} (rules-svc validates them; state-svc only refuses to guess).
     */
    public void interest(Interest interest) {
        CompiledField[][] table = new CompiledField[EventTable.SCAP_LIMIT][];
        int[] contexts = new int[EventTable.SCAP_LIMIT];
        List<String> bad = new ArrayList<>();
        Set<String> union = new LinkedHashSet<>();
        interest.fieldsByType().values().forEach(union::addAll);
        for (int code = 0; code < EventTable.SCAP_LIMIT; code++) {
            EventType t = EventTable.get(code);
            if (t == null || t.hasFlag(EventType.EF_SYNTHETIC)) {
                continue;
            }
            Set<String> fields = interest.fieldsByType().get(t.name());
            if (fields == null && (code == EventCodes.PPME_GENERIC_E || code == EventCodes.PPME_GENERIC_X)
                    && !interest.fieldsByType().isEmpty()) {
                // Generic events take their evt.type from the syscall ID: rules-svc tells them apart.
                fields = union;
            }
            if (fields == null && interest.allTypes()) {
                fields = union;
            }
            if (fields == null) {
                continue;
            }
            List<CompiledField> context = new ArrayList<>();
            List<CompiledField> event = new ArrayList<>();
            for (String text : fields) {
                FieldRef ref = FieldCatalog.resolve(text);
                if (ref == null) {
                    if (!bad.contains(text)) {
                        bad.add(text);
                    }
                    continue;
                }
                (isThreadContext(ref.field().name()) ? context : event).add(extractor.compile(ref));
            }
            contexts[code] = context.size();
            context.addAll(event);
            table[code] = context.toArray(new CompiledField[0]);
        }
        synchronized (rejected) {
            rejected.clear();
            rejected.addAll(bad);
        }
        compiled = new Compiled(table, contexts);
    }

    /** Fields of the thread context that change with time or with each fd: event values. */
    private static final Set<String> PER_EVENT = Set.of("proc.duration", "proc.ppid.duration", "proc.fdopencount",
            "thread.exectime", "thread.totexectime", "container.duration");

    /**
     * Whether a field is read from the thread's context (its process, thread, user, group,
     * container and pod) and so usually repeats from one event of the thread to the next. Only a
     * size matter: the encoder shares a context block only when it is byte-identical.
     */
    public static boolean isThreadContext(String field) {
        return (field.startsWith("proc.") || field.startsWith("thread.") || field.startsWith("user.")
                || field.startsWith("group.") || field.startsWith("container.") || field.startsWith("k8s."))
                && !PER_EVENT.contains(field);
    }

    public List<String> rejected() {
        synchronized (rejected) {
            return List.copyOf(rejected);
        }
    }

    /** True when the interest selects events of this scap type. */
    public boolean selects(int scapCode) {
        return scapCode < EventTable.SCAP_LIMIT && compiled.byCode[scapCode] != null;
    }

    /** Projects the parsed event when the interest selects it; returns whether a record was written. */
    public boolean project(EventContext c, ProjectionEncoder out) {
        if (!c.projectable) {
            return false;
        }
        int code = c.evt.type();
        Compiled now = compiled;
        CompiledField[][] table = now.byCode;
        CompiledField[] fields = code < table.length ? table[code] : null;
        if (fields == null) {
            return false;
        }
        int nctx = now.contextCount[code];
        out.begin(c.num, c.evt.ts(), c.evt.tid(), eventTypeCode(c, code), code,
                c.isExit() ? ProjectionFormat.DIR_EXIT : ProjectionFormat.DIR_ENTER);
        for (int i = 0; i < nctx; i++) {
            extractor.extract(fields[i], c, out);
        }
        out.endContext();
        for (int i = nctx; i < fields.length; i++) {
            extractor.extract(fields[i], c, out);
        }
        out.end();
        return true;
    }

    /** The evt.type code; a generic event is named by its system call, as evt.type shows it. */
    private int eventTypeCode(EventContext c, int code) {
        if (!GenericEventNames.isGeneric(code)) {
            return eventTypeCode[code];
        }
        return GenericEventNames.code(c);
    }

    /**
     * Writes the loss meta-event ({@code evt.type = drop}): {@code evt.arg.lost} is the number of
     * events lost (or "unknown" for a sequence gap, where whole frames are missing) and
     * {@code evt.arg.reason} says how the loss was seen.
     */
    public static void drop(ProjectionEncoder out, long num, long ts, long lost, String reason) {
        out.begin(num, ts, 0, DROP_TYPE, ProjectionFormat.SCAP_TYPE_META, ProjectionFormat.DIR_META);
        out.field(LOST.field().id(), LOST_LABEL);
        byte[] l = (lost < 0 ? "unknown" : Long.toString(lost)).getBytes(StandardCharsets.US_ASCII);
        out.bytes(l);
        out.field(REASON.field().id(), REASON_LABEL);
        out.bytes(reason.getBytes(StandardCharsets.US_ASCII));
        out.end();
    }
}
