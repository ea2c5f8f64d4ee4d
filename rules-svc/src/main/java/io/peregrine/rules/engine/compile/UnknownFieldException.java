package io.peregrine.rules.engine.compile;

import io.peregrine.rules.language.loader.RuleLoadException;
import io.peregrine.rules.language.loader.SourcePosition;

/** A condition or output names a field Peregrine does not know or cannot extract yet. */
public final class UnknownFieldException extends RuleLoadException {

    public UnknownFieldException(SourcePosition position, String reason) {
        super(position, reason);
    }
}
