package io.peregrine.rules.compile;

import io.peregrine.rules.loader.RuleLoadException;
import io.peregrine.rules.loader.SourcePosition;

/** A condition or output names a field Peregrine does not know or cannot extract yet. */
public final class UnknownFieldException extends RuleLoadException {

    public UnknownFieldException(SourcePosition position, String reason) {
        super(position, reason);
    }
}
