package io.peregrine.protocol.fields;

/**
 * One filter field of the syscall source.
 *
 * @param id          small stable number; projected events index their values by it (never reused)
 * @param name        Falco's name, without argument
 * @param type        value type
 * @param arg         whether it takes an argument
 * @param multiValued true when one event can carry several values (e.g. {@code fd.types}, or
 *                    {@code proc.aname} without index: any ancestor); comparisons match if any value does
 * @param supported   false when Peregrine knows the name but cannot extract it yet: rules using it
 *                    are treated as Falco treats an unknown field
 * @param computed    false when the state never computes the field (its value is always absent):
 *                    the unsupported fields, and those rules may name but no extractor computes
 * @param description what the value means
 */
public record Field(int id, String name, FieldType type, FieldArg arg, boolean multiValued, boolean supported,
                    boolean computed, String description) {
}
