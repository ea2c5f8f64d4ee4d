package io.peregrine.rules.engine.output;

import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.protocol.fields.FieldType;
import io.peregrine.rules.engine.eval.FieldValues;
import io.peregrine.rules.engine.eval.SlotTable;
import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.RuleLoadException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's output: text with {@code %field} references ({@code %proc.aname[2]},
 * {@code %evt.arg.flags}). Values missing for an event print as {@code <NA>} and are null in
 * {@code output_fields}, as in Falco. {@code evt.type}, {@code evt.time*}, {@code evt.hostname} and
 * {@code evt.source} come from the event record, not from projected fields.
 */
public final class OutputTemplate {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'+0000'").withZone(ZoneOffset.UTC);

    private enum Kind { TEXT, SLOT, EVT_TYPE, EVT_TIME, EVT_TIME_S, EVT_TIME_ISO, EVT_DATETIME, EVT_RAWTIME, HOSTNAME, SOURCE }

    private record Part(Kind kind, String text, FieldRef ref, int slot) {
    }

    private final List<Part> parts;
    private final String source;

    private OutputTemplate(List<Part> parts, String source) {
        this.parts = parts;
        this.source = source;
    }

    /** Parses an output; unknown fields are errors at their position in the rules file. */
    public static OutputTemplate parse(PositionedText out, SlotTable slots) {
        String s = out.text();
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                lit.append(c);
                i++;
                continue;
            }
            if (i + 1 < s.length() && s.charAt(i + 1) == '%') {
                lit.append('%');
                i += 2;
                continue;
            }
            int start = i + 1;
            int end = start;
            boolean paren = end < s.length() && s.charAt(end) == '(';
            if (paren) {
                int close = s.indexOf(')', start);
                if (close < 0) {
                    throw new RuleLoadException(out.position(i), "'%(' is not closed with ')'");
                }
                end = close;
            } else {
                while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_'
                        || s.charAt(end) == '.' || s.charAt(end) == '-')) {
                    end++;
                }
                if (end < s.length() && s.charAt(end) == '[') {
                    int close = s.indexOf(']', end);
                    if (close < 0) {
                        throw new RuleLoadException(out.position(end), "field argument is not closed with ']'");
                    }
                    end = close + 1;
                }
            }
            String name = paren ? s.substring(start + 1, end) : s.substring(start, end);
            // A sentence may end right after a field: drop trailing dots and dashes that no field has.
            FieldRef ref = FieldCatalog.resolve(name);
            while (ref == null && !paren && (name.endsWith(".") || name.endsWith("-"))) {
                name = name.substring(0, name.length() - 1);
                end--;
                ref = FieldCatalog.resolve(name);
            }
            if (name.isEmpty()) {
                lit.append('%');
                i++;
                continue;
            }
            if (ref == null) {
                throw new RuleLoadException(out.position(i), "unknown field '" + name + "' in output");
            }
            if (!ref.field().supported()) {
                throw new RuleLoadException(out.position(i), "field '" + name + "' in output is not supported yet");
            }
            if (!lit.isEmpty()) {
                parts.add(new Part(Kind.TEXT, lit.toString(), null, -1));
                lit.setLength(0);
            }
            Kind k = switch (ref.text()) {
                case "evt.type" -> Kind.EVT_TYPE;
                case "evt.time" -> Kind.EVT_TIME;
                case "evt.time.s" -> Kind.EVT_TIME_S;
                case "evt.time.iso8601" -> Kind.EVT_TIME_ISO;
                case "evt.datetime" -> Kind.EVT_DATETIME;
                case "evt.rawtime" -> Kind.EVT_RAWTIME;
                case "evt.hostname" -> Kind.HOSTNAME;
                case "evt.source" -> Kind.SOURCE;
                default -> Kind.SLOT;
            };
            parts.add(new Part(k, name, ref, k == Kind.SLOT ? slots.slot(ref) : -1));
            i = paren ? end + 1 : end;
        }
        if (!lit.isEmpty()) {
            parts.add(new Part(Kind.TEXT, lit.toString(), null, -1));
        }
        return new OutputTemplate(List.copyOf(parts), "syscall");
    }

    /** Slots the output reads (for the interest). */
    public int[] slots() {
        return parts.stream().filter(p -> p.kind == Kind.SLOT).mapToInt(Part::slot).distinct().toArray();
    }

    /** The output text for one event. */
    public String format(FieldValues v, String hostname) {
        StringBuilder b = new StringBuilder(128);
        for (Part p : parts) {
            switch (p.kind) {
                case TEXT -> b.append(p.text);
                case EVT_TYPE -> b.append(EventTypes.name(v.eventType()));
                case EVT_TIME -> b.append(TIME.format(instant(v.timeNanos())));
                case EVT_TIME_S -> b.append(TIME.format(instant(v.timeNanos())), 0, 8);
                case EVT_TIME_ISO -> b.append(ISO.format(instant(v.timeNanos())));
                case EVT_DATETIME -> b.append(DATETIME.format(instant(v.timeNanos())));
                case EVT_RAWTIME -> b.append(v.timeNanos());
                case HOSTNAME -> b.append(hostname);
                case SOURCE -> b.append(source);
                case SLOT -> appendValue(b, p, v);
            }
        }
        return b.toString();
    }

    private static void appendValue(StringBuilder b, Part p, FieldValues v) {
        int n = v.count(p.slot);
        if (n == 0) {
            b.append("<NA>");
            return;
        }
        FieldType t = p.ref.field().type();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            if (t == FieldType.BOOL) {
                b.append(v.number(p.slot, i) != 0);
            } else if (t.numeric()) {
                if (t == FieldType.UINT64) {
                    b.append(Long.toUnsignedString(v.number(p.slot, i)));
                } else {
                    b.append(v.number(p.slot, i));
                }
            } else {
                b.append(v.text(p.slot, i));
            }
        }
    }

    /**
     * Falco's {@code output_fields}: each field of the template by the name written, numbers as
     * Long, booleans as Boolean, text as String, missing values as null; plus {@code evt.time}
     * (nanoseconds), which Falco always reports.
     */
    public Map<String, Object> fields(FieldValues v, String hostname) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("evt.time", v.timeNanos());
        for (Part p : parts) {
            switch (p.kind) {
                case TEXT -> {
                }
                case EVT_TYPE -> out.put(p.text, EventTypes.name(v.eventType()));
                case EVT_TIME, EVT_RAWTIME -> out.put(p.text, v.timeNanos());
                case EVT_TIME_S, EVT_TIME_ISO, EVT_DATETIME -> {
                    StringBuilder b = new StringBuilder();
                    b.append(switch (p.kind) {
                        case EVT_TIME_S -> TIME.format(instant(v.timeNanos())).substring(0, 8);
                        case EVT_TIME_ISO -> ISO.format(instant(v.timeNanos()));
                        default -> DATETIME.format(instant(v.timeNanos()));
                    });
                    out.put(p.text, b.toString());
                }
                case HOSTNAME -> out.put(p.text, hostname);
                case SOURCE -> out.put(p.text, "syscall");
                case SLOT -> out.put(p.text, value(p, v));
            }
        }
        return out;
    }

    private static Object value(Part p, FieldValues v) {
        int n = v.count(p.slot);
        if (n == 0) {
            return null;
        }
        FieldType t = p.ref.field().type();
        if (n == 1) {
            if (t == FieldType.BOOL) {
                return v.number(p.slot, 0) != 0;
            }
            if (t.numeric()) {
                return v.number(p.slot, 0);
            }
            return v.text(p.slot, 0).toString();
        }
        StringBuilder b = new StringBuilder();
        appendValue(b, p, v);
        return b.toString();
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** Falco's time prefix of the alert text ({@code HH:MM:SS.nnnnnnnnn}, UTC). */
    public static String time(long nanos) {
        return TIME.format(instant(nanos));
    }
}
