package io.peregrine.rules.language.ruleset;

import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.SourcePosition;

/** A macro after all files and overrides have been applied. */
public record MacroDefinition(String name, PositionedText condition, SourcePosition position) {
}
