package io.peregrine.rules.engine.compile;

import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.rules.language.condition.Expr.And;
import io.peregrine.rules.language.condition.Expr.Check;
import io.peregrine.rules.language.condition.Expr.Const;
import io.peregrine.rules.language.condition.Expr.ListValue;
import io.peregrine.rules.language.condition.Expr.Literal;
import io.peregrine.rules.language.condition.Expr.Not;
import io.peregrine.rules.language.condition.Expr.Or;
import io.peregrine.rules.language.condition.Expr;
import io.peregrine.rules.language.condition.Operator;

/**
 * Derives the event types a condition can match, as Falco does for its event type index:
 * {@code evt.type = x} / {@code in (...)} give their types, {@code !=} all others; any other check
 * gives all types; {@code and} intersects, {@code or} unites, {@code not} complements — pushed
 * down through and/or (De Morgan) so that {@code not (evt.type = x and proc.name = y)} still
 * matches every type.
 */
final class EventTypeSets {

    private EventTypeSets() {
    }

    static boolean isEventTypeCheck(Check c) {
        return c.field().transformers().isEmpty() && c.field().field().equals("evt.type")
                && (c.op() == Operator.EQ || c.op() == Operator.NE || c.op() == Operator.IN);
    }

    /** The types named by an evt.type check, before applying '!='. */
    static boolean[] named(Check c) {
        boolean[] s = new boolean[EventTypes.size()];
        if (c.value() instanceof Literal l) {
            mark(s, l.text());
        } else if (c.value() instanceof ListValue lv) {
            for (Literal l : lv.items()) {
                mark(s, l.text());
            }
        }
        return s;
    }

    private static void mark(boolean[] s, String name) {
        int code = EventTypes.code(name);
        if (code > 0) {
            s[code] = true;
        }
    }

    static boolean[] of(Expr e) {
        return of(e, false);
    }

    private static boolean[] of(Expr e, boolean inverted) {
        return switch (e) {
            case Check c when isEventTypeCheck(c) -> {
                boolean[] s = named(c);
                yield (c.op() == Operator.NE) != inverted ? complement(s) : s;
            }
            case Check c -> all();
            case And a -> combine(a.terms().stream().map(t -> of(t, inverted)).toList(), !inverted);
            case Or o -> combine(o.terms().stream().map(t -> of(t, inverted)).toList(), inverted);
            case Not n -> of(n.term(), !inverted);
            case Const k -> k.value() != inverted ? all() : new boolean[EventTypes.size()];
            default -> all();
        };
    }

    static boolean[] all() {
        boolean[] s = new boolean[EventTypes.size()];
        java.util.Arrays.fill(s, true);
        s[0] = false;
        return s;
    }

    private static boolean[] complement(boolean[] s) {
        boolean[] r = new boolean[s.length];
        for (int i = 1; i < s.length; i++) {
            r[i] = !s[i];
        }
        return r;
    }

    private static boolean[] combine(java.util.List<boolean[]> sets, boolean intersect) {
        boolean[] r = new boolean[EventTypes.size()];
        if (intersect) {
            java.util.Arrays.fill(r, true);
            r[0] = false;
        }
        for (boolean[] s : sets) {
            for (int i = 0; i < r.length; i++) {
                r[i] = intersect ? r[i] && s[i] : r[i] || s[i];
            }
        }
        return r;
    }

    static boolean isAll(boolean[] s) {
        for (int i = 1; i < s.length; i++) {
            if (!s[i]) {
                return false;
            }
        }
        return true;
    }

    static int count(boolean[] s) {
        int n = 0;
        for (boolean b : s) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
