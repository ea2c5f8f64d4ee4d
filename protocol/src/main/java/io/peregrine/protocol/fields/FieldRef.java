package io.peregrine.protocol.fields;

/**
 * A field as a rule reads it: the field and its argument text ({@code 2} for
 * {@code proc.aname[2]}, {@code fd} for {@code evt.arg.fd}, {@code 0} for {@code evt.arg[0]}), or
 * null without argument. Two references with equal field and argument read the same value.
 */
public record FieldRef(Field field, String arg) {

    /** The reference written the canonical way: {@code name[arg]} or {@code name}. */
    public String text() {
        return arg == null ? field.name() : field.name() + "[" + arg + "]";
    }

    /** True when the reference can yield several values for one event (any-ancestor forms, lists). */
    public boolean multiValued() {
        return field.multiValued() && (arg == null || field.name().equals("fd.types"));
    }

    @Override
    public String toString() {
        return text();
    }
}
