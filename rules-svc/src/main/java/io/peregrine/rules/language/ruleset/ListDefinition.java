package io.peregrine.rules.language.ruleset;

import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.SourcePosition;
import java.util.List;

/** A list after all files and overrides have been applied; items may name other lists. */
public record ListDefinition(String name, List<PositionedText> items, SourcePosition position) {
}
