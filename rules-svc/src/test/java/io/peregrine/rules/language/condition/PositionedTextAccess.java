package io.peregrine.rules.language.condition;

import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.SourcePosition;

/** Builds position-mapped text for parser tests (file "t", one column per character). */
final class PositionedTextAccess {

    private PositionedTextAccess() {
    }

    static PositionedText of(String s, int[] lines, int[] cols) {
        PositionedText t = PositionedText.at("", new SourcePosition("t", 1, 1));
        for (int i = 0; i < s.length(); i++) {
            t = t.append("", PositionedText.at(String.valueOf(s.charAt(i)), new SourcePosition("t", lines[i], cols[i])));
        }
        return t.append("", PositionedText.at("", new SourcePosition("t", lines[s.length()], cols[s.length()])));
    }
}
