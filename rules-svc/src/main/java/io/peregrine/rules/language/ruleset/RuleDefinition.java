package io.peregrine.rules.language.ruleset;

import io.peregrine.protocol.alert.Priority;
import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.RuleFileItem.ExceptionItem;
import io.peregrine.rules.language.loader.SourcePosition;
import java.util.List;

/** A rule after all files and overrides have been applied. */
public record RuleDefinition(String name, PositionedText desc, PositionedText condition, PositionedText output,
                             Priority priority, String source, List<String> tags, boolean enabled,
                             List<ExceptionItem> exceptions, boolean warnEvttypes, boolean skipIfUnknownFilter,
                             SourcePosition position) {

    public RuleDefinition withEnabled(boolean e) {
        return new RuleDefinition(name, desc, condition, output, priority, source, tags, e, exceptions, warnEvttypes,
                skipIfUnknownFilter, position);
    }
}
