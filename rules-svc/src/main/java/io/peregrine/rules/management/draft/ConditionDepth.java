package io.peregrine.rules.management.draft;

/**
 * Measures how deeply a condition nests, without parsing it: the engine's parser is recursive
 * descent, so a condition nested thousands deep must be refused before it gets there. Each
 * parenthesis and each {@code not} in a row counts one level, which is how the parser recurses.
 */
public final class ConditionDepth {

    private ConditionDepth() {
    }

    /** Returns the offset where {@code limit} is first exceeded, or -1 when the condition stays within it. */
    public static int exceeds(String text, int limit) {
        int depth = 0;             // parentheses and the 'not's before them
        int[] notsAt = new int[64];
        int level = 0;
        int run = 0;               // consecutive 'not' keywords at this point
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipQuoted(text, i);
                run = 0;
                continue;
            }
            if (c == '(') {
                if (level == notsAt.length) {
                    notsAt = java.util.Arrays.copyOf(notsAt, level * 2);
                }
                notsAt[level++] = run;
                depth += run + 1;
                run = 0;
                if (depth > limit) {
                    return i;
                }
                i++;
                continue;
            }
            if (c == ')') {
                if (level > 0) {
                    depth -= notsAt[--level] + 1;
                }
                run = 0;
                i++;
                continue;
            }
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i)) && "()\"',".indexOf(text.charAt(i)) < 0) {
                i++;
            }
            if (i - start == 3 && text.startsWith("not", start)) {
                run++;
                if (depth + run > limit) {
                    return start;
                }
            } else {
                run = 0;
            }
        }
        return -1;
    }

    private static int skipQuoted(String text, int i) {
        char q = text.charAt(i++);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            i++;
            if (c == q) {
                break;
            }
        }
        return i;
    }
}
