package io.peregrine.protocol.fields;

/** Whether and how a field takes an argument, as in {@code proc.aname[2]} or {@code evt.arg.name}. */
public enum FieldArg {
    /** No argument. */
    NONE,
    /** An optional numeric index in brackets: {@code proc.aname} or {@code proc.aname[2]}. */
    INDEX_OPTIONAL,
    /** A required key: a name after a dot or in brackets, or an index in brackets ({@code evt.arg.fd}, {@code evt.arg[0]}). */
    KEY_REQUIRED,
    /** An optional key in brackets ({@code proc.env} or {@code proc.env[HOME]}). */
    KEY_OPTIONAL
}
