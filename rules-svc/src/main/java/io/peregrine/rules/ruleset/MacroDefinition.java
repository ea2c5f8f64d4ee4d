package io.peregrine.rules.ruleset;

import io.peregrine.rules.loader.PositionedText;
import io.peregrine.rules.loader.SourcePosition;

/** A macro after all files and overrides have been applied. */
public record MacroDefinition(String name, PositionedText condition, SourcePosition position) {
}
