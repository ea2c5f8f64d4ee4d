package io.peregrine.rules.language.loader;

/**
 * A rules file, item, condition or output that cannot be loaded. The message starts with
 * {@code file:line:column:} so that editors and people find the offending text.
 */
public class RuleLoadException extends RuntimeException {

    private final SourcePosition position;
    private final String reason;

    public RuleLoadException(SourcePosition position, String reason) {
        super(position + ": " + reason);
        this.position = position;
        this.reason = reason;
    }

    public SourcePosition position() {
        return position;
    }

    /** The message without the position. */
    public String reason() {
        return reason;
    }
}
