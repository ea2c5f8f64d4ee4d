package io.peregrine.state.extract;

import io.peregrine.protocol.fields.FieldRef;

import java.nio.charset.StandardCharsets;

/**
 * A field reference prepared for extraction: the operation that computes it, its parsed argument,
 * and the bytes that label its values in projected records.
 */
public final class CompiledField {
    public final FieldRef ref;
    final int op;
    /** Numeric argument (ancestor level, argument index), or -1. */
    final int index;
    /** Text argument (argument name, variable name, subsystem), or null. */
    final String key;
    final byte[] keyBytes;
    /** The argument as it labels the value in a projected record (null: none). */
    public final byte[] argLabel;
    /** Parameter position of {@code evt.arg.NAME} per scap code, resolved lazily (-2: not yet). */
    final byte[] paramByCode;

    CompiledField(FieldRef ref, int op, int index, String key, int scapLimit) {
        this.ref = ref;
        this.op = op;
        this.index = index;
        this.key = key;
        this.keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        this.argLabel = ref.arg() == null ? null : ref.arg().getBytes(StandardCharsets.UTF_8);
        this.paramByCode = new byte[scapLimit];
        java.util.Arrays.fill(paramByCode, (byte) -2);
    }

    public boolean supported() {
        return op != FieldExtractor.OP_UNSUPPORTED;
    }

    public int fieldId() {
        return ref.field().id();
    }
}
