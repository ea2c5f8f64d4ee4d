package io.peregrine.rules.engine.compile;

import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.protocol.fields.FieldType;
import io.peregrine.rules.engine.eval.ArrayFieldValues;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
import java.util.ArrayList;
import java.util.List;

/** Small helpers to compile rules text and build projected events by field name. */
final class RuleTesting {

    private RuleTesting() {
    }

    static CompiledRuleset compile(String yaml) {
        return RuleCompiler.compile(new RulesetBuilder().add("test.yaml", yaml).build());
    }

    /** A ruleset with one rule named "r" with this condition (plus the given extra YAML items). */
    static CompiledRuleset rule(String condition, String... extraItems) {
        StringBuilder b = new StringBuilder();
        for (String s : extraItems) {
            b.append(s).append('\n');
        }
        b.append("- rule: r\n  desc: d\n  condition: '").append(condition.replace("'", "''"))
                .append("'\n  output: out\n  priority: WARNING\n");
        return compile(b.toString());
    }

    /**
     * An event of the given type; values by field reference text, typed by the catalogue: numbers
     * and booleans as Long/Boolean, text as String, multi-values as String[] or long[].
     */
    static ArrayFieldValues event(CompiledRuleset c, String type, Object... kv) {
        ArrayFieldValues v = new ArrayFieldValues(c.slots().size());
        int code = EventTypes.code(type);
        if (code < 0) {
            throw new IllegalArgumentException("unknown event type " + type);
        }
        v.eventType(code).time(1_700_000_000_123_456_789L);
        for (int i = 0; i < kv.length; i += 2) {
            int slot = c.slots().find((String) kv[i]);
            if (slot < 0) {
                continue;       // the ruleset does not read this field
            }
            FieldRef ref = c.slots().refs().get(slot);
            Object val = kv[i + 1];
            switch (val) {
                case String s -> v.putText(slot, s);
                case String[] ss -> v.putText(slot, ss);
                case Long l -> v.putNumber(slot, l);
                case Integer n -> v.putNumber(slot, n.longValue());
                case Boolean bo -> v.putNumber(slot, bo ? 1L : 0L);
                case long[] ls -> v.putNumber(slot, ls);
                default -> throw new IllegalArgumentException("value type " + val.getClass());
            }
            if (ref.field().type() == FieldType.BOOL && !(val instanceof Boolean)) {
                throw new IllegalArgumentException(kv[i] + " is a boolean field");
            }
        }
        return v;
    }

    /** Names of the rules the event matches (all of them, in order). */
    static List<String> matches(CompiledRuleset c, ArrayFieldValues v) {
        List<String> out = new ArrayList<>();
        c.evaluate(v, false, (r, e) -> out.add(r.name()));
        return out;
    }

    /** Whether the single rule "r" built from the condition matches the event. */
    static boolean eval(String condition, String type, Object... kv) {
        CompiledRuleset c = rule(condition);
        return !matches(c, event(c, type, kv)).isEmpty();
    }
}
