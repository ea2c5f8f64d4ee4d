package io.peregrine.rules.trial;

import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.protocol.fields.FieldType;
import io.peregrine.rules.engine.compile.CompiledRule;
import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.eval.ArrayFieldValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a compiled ruleset over events written by hand: each event is a map from Falco field names
 * ({@code evt.type}, {@code proc.name}, {@code proc.aname[2]}, ...) to a value or a list of values.
 * Returns, per event, the rules that match with their rendered outputs.
 */
public final class TrialRun {

    /** An event that cannot be built: which one and why. */
    public static final class BadEvent extends RuntimeException {
        public BadEvent(String message) {
            super(message);
        }
    }

    /** One rule matching one event. */
    public record Match(int event, String rule, String priority, List<String> tags, String output) {
    }

    /** The matches, and the fields given that no rule reads (they cannot change a result). */
    public record Result(List<Match> matches, Set<String> unusedFields) {
    }

    private TrialRun() {
    }

    public static Result run(CompiledRuleset rules, List<Map<String, Object>> events, String hostname) {
        List<Match> matches = new ArrayList<>();
        Set<String> unused = new TreeSet<>();
        List<FieldRef> refs = rules.slots().refs();
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> e = events.get(i);
            Object type = e.get("evt.type");
            if (!(type instanceof String t) || EventTypes.code(t) < 0) {
                throw new BadEvent("event " + i + ": 'evt.type' must name an event type (e.g. openat, execve), not "
                        + (type == null ? "nothing" : "'" + type + "'"));
            }
            ArrayFieldValues v = new ArrayFieldValues(Math.max(1, refs.size())).eventType(EventTypes.code(t));
            for (Map.Entry<String, Object> f : e.entrySet()) {
                String name = f.getKey();
                if (name.equals("evt.time") && f.getValue() instanceof Number n) {
                    v.time(n.longValue());
                }
                int slot = rules.slots().find(name);
                if (slot < 0) {
                    if (!name.equals("evt.type")) {
                        unused.add(name);
                    }
                    continue;
                }
                put(v, slot, refs.get(slot).field().type(), f.getValue(), i, name);
            }
            int at = i;
            rules.evaluate(v, false, (CompiledRule r, io.peregrine.rules.engine.eval.FieldValues ev) -> matches.add(
                    new Match(at, r.name(), r.priority().falcoName(), r.tags(), r.output().format(ev, hostname))));
        }
        return new Result(matches, unused);
    }

    private static void put(ArrayFieldValues v, int slot, FieldType type, Object value, int event, String name) {
        List<?> values = value instanceof List<?> l ? l : List.of(value == null ? "" : value);
        if (type.numeric() || type == FieldType.BOOL) {
            long[] n = new long[values.size()];
            for (int k = 0; k < n.length; k++) {
                Object x = values.get(k);
                if (x instanceof Number num) {
                    n[k] = num.longValue();
                } else if (type == FieldType.BOOL && x instanceof Boolean b) {
                    n[k] = b ? 1 : 0;
                } else {
                    try {
                        n[k] = Long.parseLong(String.valueOf(x).trim());
                    } catch (NumberFormatException ex) {
                        throw new BadEvent("event " + event + ": '" + name + "' is a number field, not '" + x + "'");
                    }
                }
            }
            v.putNumber(slot, n);
        } else {
            CharSequence[] t = new CharSequence[values.size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = String.valueOf(values.get(k));
            }
            v.putText(slot, t);
        }
    }

    /** A summary of one result, as the API returns it. */
    public static Map<String, Object> view(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("matches", r.matches());
        m.put("unusedFields", r.unusedFields());
        return m;
    }
}
