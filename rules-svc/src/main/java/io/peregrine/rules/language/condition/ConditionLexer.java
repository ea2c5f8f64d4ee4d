package io.peregrine.rules.language.condition;

import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.RuleLoadException;
import io.peregrine.rules.language.loader.SourcePosition;

/**
 * Scanner of condition text. The language is context-sensitive (a bare value may hold '<' or
 * '/', a field name may not), so the parser asks for the token kind it expects next, as
 * libsinsp's parser does.
 */
final class ConditionLexer {

    private final PositionedText source;
    private final String s;
    private int pos;

    ConditionLexer(PositionedText source) {
        this.source = source;
        this.s = source.text();
    }

    int offset() {
        return pos;
    }

    SourcePosition position(int offset) {
        return source.position(offset);
    }

    RuleLoadException error(int offset, String msg) {
        return new RuleLoadException(source.position(offset), msg);
    }

    void skipWs() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    boolean atEnd() {
        skipWs();
        return pos >= s.length();
    }

    /** What is at the current offset, for error messages. */
    String near() {
        skipWs();
        if (pos >= s.length()) {
            return "end of condition";
        }
        int e = pos;
        while (e < s.length() && e - pos < 20 && !Character.isWhitespace(s.charAt(e))) {
            e++;
        }
        return "'" + s.substring(pos, e) + "'";
    }

    boolean tryChar(char c) {
        skipWs();
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    boolean peekChar(char c) {
        skipWs();
        return pos < s.length() && s.charAt(pos) == c;
    }

    private static boolean identChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** A keyword (and, or, not, a word operator) not followed by an identifier character. */
    boolean tryKeyword(String w) {
        skipWs();
        if (s.startsWith(w, pos) && (pos + w.length() >= s.length() || !identChar(s.charAt(pos + w.length()))
                && s.charAt(pos + w.length()) != '.')) {
            pos += w.length();
            return true;
        }
        return false;
    }

    /** An identifier or dotted field name ([a-zA-Z_][a-zA-Z0-9_]* then .segments), or null. */
    String tryName() {
        skipWs();
        int start = pos;
        int p = pos;
        if (p >= s.length() || !Character.isLetter(s.charAt(p)) && s.charAt(p) != '_') {
            return null;
        }
        while (p < s.length() && identChar(s.charAt(p))) {
            p++;
        }
        // Keys after a dot may start with a digit or hold '-' (evt.arg.res_or_fd, k8s.pod.label.app-id).
        while (p + 1 < s.length() && s.charAt(p) == '.' && (identChar(s.charAt(p + 1)))) {
            p++;
            while (p < s.length() && (identChar(s.charAt(p)) || s.charAt(p) == '-')) {
                p++;
            }
        }
        pos = p;
        return s.substring(start, p);
    }

    /** A field argument after '[': bare text up to ']' or a quoted string; consumes the ']'. */
    String fieldArg() {
        int start = pos;
        String arg;
        if (pos < s.length() && (s.charAt(pos) == '"' || s.charAt(pos) == '\'')) {
            arg = quoted();
        } else {
            while (pos < s.length() && s.charAt(pos) != ']' && !Character.isWhitespace(s.charAt(pos))
                    && s.charAt(pos) != '"' && s.charAt(pos) != '\'' && s.charAt(pos) != '[') {
                pos++;
            }
            arg = s.substring(start, pos);
        }
        if (pos >= s.length() || s.charAt(pos) != ']') {
            throw error(pos, "field argument starting at offset " + (start + 1) + " is not closed with ']'");
        }
        if (arg.isEmpty()) {
            throw error(start, "empty field argument '[]'");
        }
        pos++;
        return arg;
    }

    /** A symbolic operator (=, ==, !=, <, <=, >, >=) or null. */
    Operator trySymbolOperator() {
        skipWs();
        if (s.startsWith("==", pos)) {
            pos += 2;
            return Operator.EQ;
        }
        if (s.startsWith("!=", pos)) {
            pos += 2;
            return Operator.NE;
        }
        if (s.startsWith("<=", pos)) {
            pos += 2;
            return Operator.LE;
        }
        if (s.startsWith(">=", pos)) {
            pos += 2;
            return Operator.GE;
        }
        if (s.startsWith("=", pos)) {
            pos += 1;
            return Operator.EQ;
        }
        if (s.startsWith("<", pos)) {
            pos += 1;
            return Operator.LT;
        }
        if (s.startsWith(">", pos)) {
            pos += 1;
            return Operator.GT;
        }
        return null;
    }

    boolean atQuote() {
        skipWs();
        return pos < s.length() && (s.charAt(pos) == '"' || s.charAt(pos) == '\'');
    }

    /** A quoted string with escapes; the opening quote is at the current offset. */
    String quoted() {
        int start = pos;
        char q = s.charAt(pos++);
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error(start, "string starting here is not closed with " + q);
            }
            char c = s.charAt(pos++);
            if (c == q) {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw error(start, "string starting here ends inside an escape");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '\\', '"', '\'' -> b.append(e);
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                // \xHH is one byte, as libsinsp's filter parser reads it ("\x2dnw" is "-nw").
                case 'x' -> {
                    int hi = pos + 1 < s.length() ? Character.digit(s.charAt(pos), 16) : -1;
                    int lo = hi >= 0 ? Character.digit(s.charAt(pos + 1), 16) : -1;
                    if (lo >= 0) {
                        b.append((char) (hi * 16 + lo));
                        pos += 2;
                    } else {
                        b.append('\\').append(e);
                    }
                }
                // Other escapes stay as written, backslash included, as libsinsp keeps them
                // (upstream rules rely on it: proc.args contains "\ ").
                default -> b.append('\\').append(e);
            }
        }
    }

    /** A bare value: everything up to whitespace, parenthesis, comma, '=' or a quote. */
    String bareValue() {
        skipWs();
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == ',' || c == '=' || c == '"' || c == '\'') {
                break;
            }
            pos++;
        }
        return start == pos ? null : s.substring(start, pos);
    }
}
