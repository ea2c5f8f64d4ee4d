package io.peregrine.rules.engine.compile;

import io.peregrine.rules.language.condition.Expr.And;
import io.peregrine.rules.language.condition.Expr.Check;
import io.peregrine.rules.language.condition.Expr.ListValue;
import io.peregrine.rules.language.condition.Expr.Literal;
import io.peregrine.rules.language.condition.Expr.Operand;
import io.peregrine.rules.language.condition.Expr.Or;
import io.peregrine.rules.language.condition.Expr;
import io.peregrine.rules.language.condition.Operator;
import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.RuleFileItem.ExceptionItem;
import io.peregrine.rules.language.loader.RuleFileItem.Scalar;
import io.peregrine.rules.language.loader.RuleFileItem.Sequence;
import io.peregrine.rules.language.loader.RuleFileItem.YamlValue;
import io.peregrine.rules.language.loader.RuleLoadException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a rule's {@code exceptions} into the condition Falco appends to it:
 * {@code and not ((f1 c1 v1 and f2 c2 v2) or ...)}. Comparisons default to {@code =} per field
 * ({@code in} for the single-field form); list operators take a sequence or a list name.
 */
final class ExceptionConditions {

    private ExceptionConditions() {
    }

    /** The condition matched by any exception, or null when the rule has no exception values. */
    static Expr build(List<ExceptionItem> exceptions) {
        List<Expr> any = new ArrayList<>();
        for (ExceptionItem e : exceptions) {
            if (e.fields().isEmpty()) {
                throw new RuleLoadException(e.position(), "exception '" + e.name() + "' has no 'fields'");
            }
            if (!e.fieldsIsList()) {
                Operator op = e.comps().isEmpty() ? Operator.IN : operator(e.comps().get(0));
                Operand f = operand(e.fields().get(0));
                List<Literal> items = new ArrayList<>();
                for (YamlValue v : e.values()) {
                    if (!(v instanceof Scalar s)) {
                        throw new RuleLoadException(v.position(), "exception '" + e.name()
                                + "' has a single field: its values must be single values");
                    }
                    items.add(literal(s.text()));
                }
                if (items.isEmpty()) {
                    continue;
                }
                if (op.takesList()) {
                    any.add(new Check(f, op, new ListValue(items, e.position()), e.position()));
                } else {
                    List<Expr> or = new ArrayList<>();
                    for (Literal l : items) {
                        or.add(new Check(f, op, l, l.position()));
                    }
                    any.add(or.size() == 1 ? or.get(0) : new Or(or));
                }
                continue;
            }
            List<Operator> ops = new ArrayList<>();
            if (e.comps().isEmpty()) {
                e.fields().forEach(x -> ops.add(Operator.EQ));
            } else {
                if (e.comps().size() != e.fields().size()) {
                    throw new RuleLoadException(e.comps().get(0).position(0), "exception '" + e.name() + "' has "
                            + e.fields().size() + " fields but " + e.comps().size() + " comps");
                }
                for (PositionedText c : e.comps()) {
                    ops.add(operator(c));
                }
            }
            for (YamlValue v : e.values()) {
                if (!(v instanceof Sequence tuple) || tuple.items().size() != e.fields().size()) {
                    throw new RuleLoadException(v.position(), "each value of exception '" + e.name() + "' must be a "
                            + "sequence of " + e.fields().size() + " items, one per field");
                }
                List<Expr> all = new ArrayList<>();
                for (int i = 0; i < ops.size(); i++) {
                    Operand f = operand(e.fields().get(i));
                    Operator op = ops.get(i);
                    YamlValue x = tuple.items().get(i);
                    if (op.takesList()) {
                        List<Literal> items = new ArrayList<>();
                        if (x instanceof Sequence s) {
                            for (YamlValue y : s.items()) {
                                if (!(y instanceof Scalar ys)) {
                                    throw new RuleLoadException(y.position(), "nested sequences are not values");
                                }
                                items.add(literal(ys.text()));
                            }
                        } else {
                            items.add(literal(((Scalar) x).text()));
                        }
                        all.add(new Check(f, op, new ListValue(items, x.position()), x.position()));
                    } else {
                        if (!(x instanceof Scalar s)) {
                            throw new RuleLoadException(x.position(), "'" + op.symbol() + "' takes a single value");
                        }
                        all.add(new Check(f, op, literal(s.text()), x.position()));
                    }
                }
                any.add(all.size() == 1 ? all.get(0) : new And(all));
            }
        }
        if (any.isEmpty()) {
            return null;
        }
        return any.size() == 1 ? any.get(0) : new Or(any);
    }

    private static Literal literal(PositionedText t) {
        return new Literal(t.text(), false, t.position(0));
    }

    private static Operand operand(PositionedText t) {
        return new Operand(t.text().trim(), List.of(), t.position(0));
    }

    private static Operator operator(PositionedText t) {
        String s = t.text().trim();
        if (s.equals("==")) {
            return Operator.EQ;
        }
        for (Operator o : Operator.values()) {
            if (o.symbol().equals(s)) {
                if (o.unary()) {
                    break;
                }
                return o;
            }
        }
        throw new RuleLoadException(t.position(0), "'" + s + "' is not a comparison operator usable in exceptions");
    }
}
