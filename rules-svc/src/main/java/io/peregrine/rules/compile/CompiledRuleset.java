package io.peregrine.rules.compile;

import io.peregrine.rules.eval.FieldValues;
import io.peregrine.rules.eval.Matcher;
import io.peregrine.rules.eval.SlotTable;
import java.util.List;

/**
 * The active ruleset, compiled: for every event type the rules that can match it (Falco's event
 * type index), in rule order, each with its condition specialised for that type. Immutable and
 * safe to share between threads.
 */
public final class CompiledRuleset {

    /** Receives the rules an event matched. */
    @FunctionalInterface
    public interface MatchSink {
        void matched(CompiledRule rule, FieldValues event);
    }

    private final List<CompiledRule> rules;
    private final CompiledRule[][] rulesByType;
    private final Matcher[][] matchersByType;
    private final SlotTable slots;
    private final Interest interest;
    private final List<String> warnings;

    CompiledRuleset(List<CompiledRule> rules, CompiledRule[][] rulesByType, Matcher[][] matchersByType,
                    SlotTable slots, Interest interest, List<String> warnings) {
        this.rules = rules;
        this.rulesByType = rulesByType;
        this.matchersByType = matchersByType;
        this.slots = slots;
        this.interest = interest;
        this.warnings = warnings;
    }

    /** The enabled rules, in order. */
    public List<CompiledRule> rules() {
        return rules;
    }

    public SlotTable slots() {
        return slots;
    }

    public Interest interest() {
        return interest;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Rules indexed for one event type. */
    public int candidates(int eventType) {
        return eventType >= 0 && eventType < rulesByType.length ? rulesByType[eventType].length : 0;
    }

    /**
     * Evaluates one event. With {@code firstOnly} (Falco's default {@code rule_matching: first})
     * only the first matching rule in order is reported; otherwise every matching rule.
     *
     * @return the number of rules reported
     */
    public int evaluate(FieldValues event, boolean firstOnly, MatchSink sink) {
        int t = event.eventType();
        if (t < 0 || t >= rulesByType.length) {
            return 0;
        }
        CompiledRule[] rs = rulesByType[t];
        Matcher[] ms = matchersByType[t];
        int n = 0;
        for (int i = 0; i < ms.length; i++) {
            if (ms[i].matches(event)) {
                sink.matched(rs[i], event);
                n++;
                if (firstOnly) {
                    return n;
                }
            }
        }
        return n;
    }
}
