package io.peregrine.rules.engine.eval;

/**
 * Read access to one projected event: its type and time, and the values of the fields the
 * ruleset reads, by slot (the index of the field reference in the interest, see
 * {@code CompiledRuleset.slots()}). Implementations must not allocate on these calls: the
 * evaluator calls them for every event.
 *
 * <p>A slot has no value (Falco's {@code <NA>}) when {@link #count} is 0; single-valued fields
 * have count 1; multi-valued references (e.g. {@code proc.aname} without index: every ancestor)
 * have one value per element. Numbers, booleans (0/1), ports and times are read with
 * {@link #number}; text, paths, addresses (textual form) and byte buffers (one char per byte) with
 * {@link #text}.
 */
public interface FieldValues {

    /** Event type code, see {@code io.peregrine.protocol.fields.EventTypes}. */
    int eventType();

    /** Event time, nanoseconds since the epoch. */
    long timeNanos();

    int count(int slot);

    long number(int slot, int index);

    CharSequence text(int slot, int index);
}
