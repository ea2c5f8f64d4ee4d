package io.peregrine.rules.language.loader;

import java.util.ArrayList;
import java.util.List;

/**
 * Text taken from a rules file (a condition, an output, a list item) that remembers where each of
 * its characters came from, so that a parse error at offset N of a condition is reported at the
 * line and column of that character in the file, even after YAML folding, quoting and Falco's
 * appends have joined several pieces.
 */
public final class PositionedText {

    private final String text;
    private final int[] starts;              // start offset of each piece in text
    private final Piece[] pieces;

    private record Piece(String file, int[] lines, int[] columns) {
    }

    private PositionedText(String text, int[] starts, Piece[] pieces) {
        this.text = text;
        this.starts = starts;
        this.pieces = pieces;
    }

    /** Text whose characters all map to one position (e.g. synthetic text). */
    public static PositionedText at(String text, SourcePosition pos) {
        int[] l = new int[text.length() + 1];
        int[] c = new int[text.length() + 1];
        java.util.Arrays.fill(l, pos.line());
        java.util.Arrays.fill(c, pos.column());
        return new PositionedText(text, new int[] {0}, new Piece[] {new Piece(pos.file(), l, c)});
    }

    /** Text with an explicit line and column per character (plus one past the end). */
    static PositionedText of(String text, String file, int[] lines, int[] columns) {
        return new PositionedText(text, new int[] {0}, new Piece[] {new Piece(file, lines, columns)});
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** Where the character at {@code offset} came from; offsets past the end map to the end. */
    public SourcePosition position(int offset) {
        int p = pieces.length - 1;
        while (p > 0 && starts[p] > offset) {
            p--;
        }
        Piece piece = pieces[p];
        int i = Math.max(0, Math.min(offset - starts[p], piece.lines.length - 1));
        return new SourcePosition(piece.file, piece.lines[i], piece.columns[i]);
    }

    /** This text, then {@code sep}, then {@code other}: how Falco appends conditions and outputs. */
    public PositionedText append(String sep, PositionedText other) {
        List<Integer> st = new ArrayList<>();
        List<Piece> pc = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            st.add(starts[i]);
            pc.add(pieces[i]);
        }
        int base = text.length() + sep.length();
        for (int i = 0; i < other.pieces.length; i++) {
            st.add(base + other.starts[i]);
            pc.add(other.pieces[i]);
        }
        int[] s = st.stream().mapToInt(Integer::intValue).toArray();
        return new PositionedText(text + sep + other.text, s, pc.toArray(new Piece[0]));
    }

    @Override
    public String toString() {
        return text;
    }
}
