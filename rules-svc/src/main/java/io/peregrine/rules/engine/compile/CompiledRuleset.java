package io.peregrine.rules.engine.compile;

import io.peregrine.rules.engine.eval.FieldValues;
import io.peregrine.rules.engine.eval.Matcher;
import io.peregrine.rules.engine.eval.SlotTable;
import io.peregrine.rules.engine.names.ResolvedNames;
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

    /**
     * The plan for one event type: its candidate rules in order, each rule's matcher, and the
     * index of its guard (a required check shared with other rules, -1 for none).
     */
    record TypeIndex(CompiledRule[] rules, Matcher[] matchers, int[] guardOf, Matcher[] guards, ValueIndex values) {
    }

    /**
     * Rules that require one text field to take one of some values: {@code constrained} marks
     * them (one bit per rule of the type), {@code masks} maps a value to the rules it satisfies.
     */
    record ValueIndex(int slot, long[] constrained, io.peregrine.rules.engine.eval.TextMap masks, long[] none) {

        long[] allowed(FieldValues v) {
            if (v.count(slot) != 1) {
                return none;    // no value: an = or in check on it is false
            }
            long[] m = masks.get(v.text(slot, 0));
            return m == null ? none : m;
        }
    }

    private final List<CompiledRule> rules;
    private final TypeIndex[] index;
    private final SlotTable slots;
    private final CompiledInterest interest;
    private final List<String> warnings;
    private final ResolvedNames names;

    CompiledRuleset(List<CompiledRule> rules, TypeIndex[] index, SlotTable slots, CompiledInterest interest,
                    List<String> warnings, ResolvedNames names) {
        this.names = names;
        this.rules = rules;
        this.index = index;
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

    public CompiledInterest interest() {
        return interest;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** The host names the conditions compare addresses with; a refresher keeps their addresses. */
    public ResolvedNames names() {
        return names;
    }

    /** Rules indexed for one event type. */
    public int candidates(int eventType) {
        return eventType >= 0 && eventType < index.length ? index[eventType].rules().length : 0;
    }

    /**
     * Evaluates one event. With {@code firstOnly} (Falco's default {@code rule_matching: first})
     * only the first matching rule in order is reported; otherwise every matching rule.
     *
     * @return the number of rules reported
     */
    public int evaluate(FieldValues event, boolean firstOnly, MatchSink sink) {
        int t = event.eventType();
        if (t < 0 || t >= index.length) {
            return 0;
        }
        TypeIndex x = index[t];
        CompiledRule[] rs = x.rules();
        Matcher[] ms = x.matchers();
        int[] guardOf = x.guardOf();
        Matcher[] guards = x.guards();
        long known = 0;       // guards evaluated for this event, and their results: no allocation
        long truth = 0;
        ValueIndex vi = x.values();
        long[] constrained = vi == null ? null : vi.constrained();
        long[] allowed = vi == null ? null : vi.allowed(event);
        int n = 0;
        for (int i = 0; i < ms.length; i++) {
            if (constrained != null) {
                long bit = 1L << i;
                if ((constrained[i >> 6] & bit) != 0 && (allowed[i >> 6] & bit) == 0) {
                    continue;
                }
            }
            int g = guardOf[i];
            if (g >= 0) {
                long bit = 1L << g;
                if ((known & bit) == 0) {
                    known |= bit;
                    if (guards[g].matches(event)) {
                        truth |= bit;
                    }
                }
                if ((truth & bit) == 0) {
                    continue;
                }
            }
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
