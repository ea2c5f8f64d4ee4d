package io.peregrine.protocol.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON form of {@link Alert}, the same keys and value shapes as Falco's {@code json_output}:
 * {@code time} is RFC 3339 UTC with nine fraction digits, {@code priority} is Falco's spelling,
 * {@code output_fields} holds strings, integers, booleans or null. A small hand-written codec keeps
 * the protocol library free of a JSON framework; decoding ignores unknown keys (Falco adds keys over
 * versions) and rejects malformed text with the offset of the problem.
 */
public final class AlertJson {

    /**
     * Deepest nesting of objects and arrays decoded. A Falco alert needs two levels (the alert,
     * its output_fields or tags); the parser recurses per level, so unbounded depth would let a
     * crafted body overflow the stack.
     */
    public static final int MAX_DEPTH = 32;

    /** Thrown when a body nests objects or arrays deeper than {@link #MAX_DEPTH}. */
    public static final class TooDeepException extends IllegalArgumentException {
        TooDeepException(String message) {
            super(message);
        }
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AlertJson() {
    }

    /** Falco's JSON time text of an instant. */
    public static String formatTime(Instant t) {
        return TIME.format(t);
    }

    public static String encode(Alert a) {
        StringBuilder b = new StringBuilder(256 + a.output().length() * 2);
        b.append("{\"uuid\":");
        string(b, a.uuid());
        b.append(",\"time\":");
        string(b, formatTime(a.time()));
        b.append(",\"rule\":");
        string(b, a.rule());
        b.append(",\"priority\":");
        string(b, a.priority().falcoName());
        b.append(",\"output\":");
        string(b, a.output());
        b.append(",\"output_fields\":{");
        boolean first = true;
        for (Map.Entry<String, Object> e : a.outputFields().entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, e.getKey());
            b.append(':');
            Object v = e.getValue();
            if (v == null) {
                b.append("null");
            } else if (v instanceof String s) {
                string(b, s);
            } else {
                b.append(v);
            }
        }
        b.append("},\"source\":");
        string(b, a.source());
        b.append(",\"tags\":[");
        for (int i = 0; i < a.tags().size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            string(b, a.tags().get(i));
        }
        b.append("],\"hostname\":");
        string(b, a.hostname());
        b.append('}');
        return b.toString();
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /** Decodes an alert; throws {@link IllegalArgumentException} naming the offset of bad input. */
    public static Alert decode(String json) {
        Parser p = new Parser(json);
        Object v = p.value();
        p.ws();
        if (p.pos != json.length()) {
            throw p.error("trailing text after the alert object");
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("alert JSON must be an object");
        }
        String timeText = req(m, "time");
        Instant time;
        try {
            time = Instant.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("alert \"time\" is not RFC 3339: " + timeText);
        }
        String prioText = req(m, "priority");
        Priority priority = Priority.parse(prioText);
        if (priority == null) {
            throw new IllegalArgumentException("alert \"priority\" is not a Falco priority: " + prioText);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        Object of = m.get("output_fields");
        if (of instanceof Map<?, ?> om) {
            for (Map.Entry<?, ?> e : om.entrySet()) {
                Object fv = e.getValue();
                if (fv instanceof Double d) {
                    // Falco writes integers only; a fraction would be lost silently, so refuse it.
                    throw new IllegalArgumentException("output field " + e.getKey() + " is not an integer: " + d);
                }
                if (fv instanceof List || fv instanceof Map) {
                    throw new IllegalArgumentException("output field " + e.getKey() + " must be a scalar");
                }
                fields.put((String) e.getKey(), fv);
            }
        } else if (of != null) {
            throw new IllegalArgumentException("alert \"output_fields\" must be an object");
        }
        List<String> tags = new ArrayList<>();
        Object t = m.get("tags");
        if (t instanceof List<?> tl) {
            for (Object o : tl) {
                if (!(o instanceof String s)) {
                    throw new IllegalArgumentException("alert \"tags\" must hold strings");
                }
                tags.add(s);
            }
        } else if (t != null) {
            throw new IllegalArgumentException("alert \"tags\" must be an array");
        }
        Object uuid = m.get("uuid");
        Object source = m.get("source");
        Object hostname = m.get("hostname");
        return new Alert(uuid instanceof String u ? u : "", time, req(m, "rule"), priority, req(m, "output"),
                fields, source instanceof String s ? s : "syscall", tags,
                hostname instanceof String h ? h : "");
    }

    private static String req(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("alert JSON lacks string \"" + key + "\"");
        }
        return s;
    }

    private static final class Parser {
        final String s;
        int pos;
        int depth;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String msg) {
            return new IllegalArgumentException("malformed alert JSON at offset " + pos + ": " + msg);
        }

        void ws() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\n'
                    || s.charAt(pos) == '\r' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        Object value() {
            ws();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            if ((c == '{' || c == '[') && ++depth > MAX_DEPTH) {
                throw new TooDeepException("malformed alert JSON at offset " + pos
                        + ": objects and arrays nested deeper than " + MAX_DEPTH + " levels");
            }
            switch (c) {
                case '{': {
                    pos++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (peek('}')) {
                        pos++;
                        depth--;
                        return m;
                    }
                    while (true) {
                        ws();
                        if (!peek('"')) {
                            throw error("expected a key");
                        }
                        String k = str();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (peek(',')) {
                            pos++;
                        } else {
                            expect('}');
                            depth--;
                            return m;
                        }
                    }
                }
                case '[': {
                    pos++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek(']')) {
                        pos++;
                        depth--;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (peek(',')) {
                            pos++;
                        } else {
                            expect(']');
                            depth--;
                            return l;
                        }
                    }
                }
                case '"':
                    return str();
                case 't':
                    word("true");
                    return Boolean.TRUE;
                case 'f':
                    word("false");
                    return Boolean.FALSE;
                case 'n':
                    word("null");
                    return null;
                default:
                    return number();
            }
        }

        boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        void word(String w) {
            if (!s.startsWith(w, pos)) {
                throw error("unexpected text");
            }
            pos += w.length();
        }

        Object number() {
            int start = pos;
            if (peek('-')) {
                pos++;
            }
            boolean frac = false;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c >= '0' && c <= '9') {
                    pos++;
                } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                    frac = true;
                    pos++;
                } else {
                    break;
                }
            }
            String t = s.substring(start, pos);
            if (t.isEmpty() || t.equals("-")) {
                throw error("unexpected character");
            }
            try {
                return frac ? (Object) Double.parseDouble(t) : (Object) Long.parseLong(t);
            } catch (NumberFormatException e) {
                // Falco's uint64 values above Long.MAX_VALUE: keep them as text rather than lose them.
                if (!frac) {
                    return t;
                }
                throw error("bad number " + t);
            }
        }

        String str() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    throw error("unterminated escape");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }
    }
}
