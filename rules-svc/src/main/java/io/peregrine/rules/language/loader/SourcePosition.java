package io.peregrine.rules.language.loader;

/** A place in a rules file: 1-based line and column. */
public record SourcePosition(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
