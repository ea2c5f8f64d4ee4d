package io.peregrine.state.containers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for container events and the CRI runtime's verbose answers: objects, arrays, strings, numbers, booleans and null, into
 * maps, lists, strings, doubles and booleans. Throws IllegalArgumentException on malformed text,
 * and on nesting deeper than {@link #MAX_DEPTH}: the text comes from capture files anyone with the
 * editor role may upload, and the reader recurses once per level.
 */
public final class MiniJson {
    /** Container events nest three levels; anything far deeper is not one. */
    static final int MAX_DEPTH = 64;

    private final String s;
    private int i;
    private int depth;

    public MiniJson(String s) {
        this.s = s;
    }

    public Object value() {
        skip();
        if (i >= s.length()) {
            throw new IllegalArgumentException("end of JSON");
        }
        char ch = s.charAt(i);
        if ((ch == '{' || ch == '[') && depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nested deeper than " + MAX_DEPTH);
        }
        return switch (ch) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> word("true", Boolean.TRUE);
            case 'f' -> word("false", Boolean.FALSE);
            case 'n' -> word("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new HashMap<>();
        i++;
        depth++;
        skip();
        if (peek() == '}') {
            i++;
            depth--;
            return m;
        }
        while (true) {
            skip();
            String k = string();
            skip();
            expect(':');
            m.put(k, value());
            skip();
            if (peek() == ',') {
                i++;
            } else {
                expect('}');
                depth--;
                return m;
            }
        }
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        i++;
        depth++;
        skip();
        if (peek() == ']') {
            i++;
            depth--;
            return l;
        }
        while (true) {
            l.add(value());
            skip();
            if (peek() == ',') {
                i++;
            } else {
                expect(']');
                depth--;
                return l;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char ch = next();
            if (ch == '"') {
                return b.toString();
            }
            if (ch != '\\') {
                b.append(ch);
                continue;
            }
            char esc = next();
            switch (esc) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw new IllegalArgumentException("bad \\u escape");
                    }
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad \\u escape");
                    }
                    i += 4;
                }
                default -> b.append(esc);
            }
        }
    }

    private Object number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        try {
            return Double.parseDouble(s.substring(start, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad JSON value at " + start);
        }
    }

    private Object word(String w, Object v) {
        if (!s.startsWith(w, i)) {
            throw new IllegalArgumentException("bad JSON value at " + i);
        }
        i += w.length();
        return v;
    }

    private void skip() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private char next() {
        if (i >= s.length()) {
            throw new IllegalArgumentException("end of JSON");
        }
        return s.charAt(i++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c + " at " + (i - 1));
        }
    }
}
