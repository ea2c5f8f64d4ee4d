package io.peregrine.rules.management.draft;

import io.peregrine.rules.language.loader.SourcePosition;
import java.util.Arrays;
import java.util.List;

/**
 * Stored items joined into one rules file, so that the engine reads a ruleset in one pass rather
 * than one YAML parse per item; positions in it map back to the item and its own line. Items are
 * complete definitions with unique names, so one file means the same as one file per item.
 */
final class CombinedText {

    static final String FILE = "(stored ruleset)";

    final String text;
    private final List<ItemSource> items;
    private final int[] firstLine;      // 1-based line of each item in the text
    private final int[] dedent;         // columns removed from each item's lines

    private CombinedText(String text, List<ItemSource> items, int[] firstLine, int[] dedent) {
        this.text = text;
        this.items = items;
        this.firstLine = firstLine;
        this.dedent = dedent;
    }

    static CombinedText of(List<ItemSource> items) {
        StringBuilder b = new StringBuilder();
        int[] first = new int[items.size()];
        int[] cut = new int[items.size()];
        int line = 1;
        for (int i = 0; i < items.size(); i++) {
            String s = items.get(i).source();
            // An item written as an indented sequence entry would not join the others: move it left.
            int c = indent(s);
            cut[i] = c;
            if (c > 0) {
                s = s.lines().map(l -> l.length() >= c ? l.substring(c) : l.strip())
                        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
            }
            first[i] = line;
            b.append(s);
            if (!s.endsWith("\n")) {
                b.append('\n');
            }
            line += lines(s);
        }
        return new CombinedText(b.toString(), items, first, cut);
    }

    /** The indentation shared by every non-blank, non-comment line of an item. */
    private static int indent(String s) {
        int min = Integer.MAX_VALUE;
        for (String l : s.split("\n")) {
            if (l.isBlank()) {
                continue;
            }
            int n = 0;
            while (n < l.length() && l.charAt(n) == ' ') {
                n++;
            }
            if (l.charAt(n) == '#') {
                continue;
            }
            min = Math.min(min, n);
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    private static int lines(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return s.endsWith("\n") ? n : n + 1;
    }

    /** The problem at {@code p}, named by its item when {@code p} is in this text. */
    Finding locate(SourcePosition p, String message) {
        if (p == null) {
            return new Finding(null, null, null, 0, 0, message);
        }
        if (!p.file().equals(FILE) || items.isEmpty()) {
            return new Finding(null, null, p.file(), p.line(), p.column(), message);
        }
        int at = Arrays.binarySearch(firstLine, p.line());
        int i = at >= 0 ? at : Math.max(0, -at - 2);
        ItemSource item = items.get(i);
        int line = p.line() - firstLine[i] + 1;
        int column = p.column() + dedent[i];
        return new Finding(item.kind(), item.name(), item.kind().fileOf(item.name()), line, column,
                message.replace(FILE + ":" + p.line() + ":" + p.column(),
                        item.kind().fileOf(item.name()) + ":" + line + ":" + column));
    }
}
