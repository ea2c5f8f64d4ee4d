package io.peregrine.state.extract;

import io.peregrine.protocol.fields.FieldRef;

import java.nio.charset.StandardCharsets;

/**
 * A field reference prepared for extraction: the family and field that compute it, its parsed
 * argument, and the bytes that label its values in projected records.
 */
public final class CompiledField {
    public final FieldRef ref;
    /** The family that computes the field; null when none does (the value is always absent). */
    final FieldFamily family;
    /** The field within its family (a constant of the family's enum); null with the family. */
    final ExtractedField field;
    /** Numeric argument (ancestor level, argument index), or -1. */
    final int index;
    /** Text argument (argument name, variable name, subsystem), or null. */
    final String key;
    final byte[] keyBytes;
    /** The argument as it labels the value in a projected record (null: none). */
    public final byte[] argLabel;
    /** Parameter position of {@code evt.arg.NAME} per scap code, resolved lazily (-2: not yet). */
    final byte[] paramByCode;

    CompiledField(FieldRef ref, ExtractedField field, int index, String key, int scapLimit) {
        this.ref = ref;
        this.family = field == null ? null : field.family();
        this.field = field;
        this.index = index;
        this.key = key;
        this.keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        this.argLabel = ref.arg() == null ? null : ref.arg().getBytes(StandardCharsets.UTF_8);
        this.paramByCode = new byte[scapLimit];
        java.util.Arrays.fill(paramByCode, (byte) -2);
    }

    public boolean supported() {
        return family != null;
    }

    public int fieldId() {
        return ref.field().id();
    }
}
