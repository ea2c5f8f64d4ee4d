package io.peregrine.rules.engine.compile;

import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldRef;
import java.util.List;

/**
 * What the active ruleset needs from the event pipeline: the event types any enabled rule can
 * match, and for each of them the slots (field references) that conditions and outputs read.
 * {@code slots.get(i)} is the reference whose value a projected event carries in slot i. Codes and
 * slot numbers, as the evaluator uses them; the pipeline's form, by name, is the protocol's
 * {@code Interest}.
 */
public record CompiledInterest(int[] eventTypes, List<FieldRef> slots, int[][] slotsByType) {

    /** Slots read for events of this type (empty when no rule matches the type). */
    public int[] slotsFor(int eventType) {
        int[] s = eventType >= 0 && eventType < slotsByType.length ? slotsByType[eventType] : null;
        return s == null ? new int[0] : s;
    }

    /** Human-readable form: one line per event type with its fields. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (int t : eventTypes) {
            b.append(EventTypes.name(t)).append(':');
            for (int s : slotsFor(t)) {
                b.append(' ').append(slots.get(s).text());
            }
            b.append('\n');
        }
        return b.toString();
    }
}
