package io.peregrine.rules.language.condition;

import io.peregrine.rules.language.condition.Expr.And;
import io.peregrine.rules.language.condition.Expr.Check;
import io.peregrine.rules.language.condition.Expr.FieldValue;
import io.peregrine.rules.language.condition.Expr.ListValue;
import io.peregrine.rules.language.condition.Expr.Literal;
import io.peregrine.rules.language.condition.Expr.MacroRef;
import io.peregrine.rules.language.condition.Expr.Not;
import io.peregrine.rules.language.condition.Expr.Operand;
import io.peregrine.rules.language.condition.Expr.Or;
import io.peregrine.rules.language.condition.Expr.Value;
import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.RuleLoadException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a condition into an {@link Expr}. Precedence as in Falco: {@code not} binds tightest,
 * then {@code and}, then {@code or}; parentheses group. Syntax errors throw
 * {@link RuleLoadException} at the file position of the offending text.
 */
public final class ConditionParser {

    /** Deeper nesting is refused with an error instead of exhausting the thread's stack. */
    static final int MAX_DEPTH = 256;

    private final ConditionLexer lx;
    private int depth;

    private ConditionParser(PositionedText text) {
        this.lx = new ConditionLexer(text);
    }

    public static Expr parse(PositionedText text) {
        ConditionParser p = new ConditionParser(text);
        if (p.lx.atEnd()) {
            throw p.lx.error(0, "empty condition");
        }
        Expr e = p.or();
        if (!p.lx.atEnd()) {
            throw p.lx.error(p.lx.offset(), "unexpected " + p.lx.near() + "; expected 'and', 'or' or the end");
        }
        return e;
    }

    private Expr or() {
        List<Expr> terms = new ArrayList<>();
        terms.add(and());
        while (lx.tryKeyword("or")) {
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Or(terms);
    }

    private Expr and() {
        List<Expr> terms = new ArrayList<>();
        terms.add(not());
        while (lx.tryKeyword("and")) {
            terms.add(not());
        }
        return terms.size() == 1 ? terms.get(0) : new And(terms);
    }

    private Expr not() {
        lx.skipWs();
        int at = lx.offset();
        if (++depth > MAX_DEPTH) {
            throw lx.error(at, "condition nests deeper than " + MAX_DEPTH + " levels of parentheses or 'not'");
        }
        try {
            if (lx.tryKeyword("not")) {
                return new Not(not());
            }
            return primary();
        } finally {
            depth--;
        }
    }

    private Expr primary() {
        lx.skipWs();
        int at = lx.offset();
        if (lx.tryChar('(')) {
            Expr e = or();
            if (!lx.tryChar(')')) {
                throw lx.error(lx.offset(), "expected ')' to close the '(' at "
                        + lx.position(at).line() + ":" + lx.position(at).column() + ", found " + lx.near());
            }
            return e;
        }
        if (lx.atEnd()) {
            throw lx.error(lx.offset(), "condition ends where a check, macro or '(' was expected");
        }
        if (lx.tryKeyword("and") || lx.tryKeyword("or")) {
            throw lx.error(at, "'" + (lx.offset() - at == 3 ? "and" : "or") + "' needs a check on its left");
        }
        String name = lx.tryName();
        if (name == null) {
            throw lx.error(at, "expected a field, a macro or '(', found " + lx.near());
        }
        Transformer t = name.indexOf('.') < 0 ? Transformer.of(name) : null;
        if (t != null && lx.peekChar('(')) {
            Operand op = transformed(t, at);
            return check(op);
        }
        if (name.indexOf('.') < 0) {
            if (lx.peekChar('(')) {
                throw lx.error(at, "'" + name + "' is not a transformer (known: tolower, toupper, b64, basename, len)");
            }
            if (lx.peekChar('[')) {
                throw lx.error(at, "'" + name + "' is not a field: field names have a class, e.g. proc.name");
            }
            int save = lx.offset();
            if (lx.trySymbolOperator() != null || wordOperatorAhead()) {
                throw lx.error(at, "'" + name + "' is not a field: field names have a class, e.g. proc.name");
            }
            return new MacroRef(name, lx.position(at));
        }
        return check(field(name, at));
    }

    private boolean wordOperatorAhead() {
        lx.skipWs();
        int save = lx.offset();
        for (Operator o : Operator.WORDS) {
            if (lx.tryKeyword(o.symbol())) {
                // Only a lookahead: the caller reports the error at the name.
                return true;
            }
        }
        return save != lx.offset();
    }

    private Operand field(String name, int at) {
        String f = name;
        if (lx.peekChar('[') && lx.offset() == at + name.length()) {
            lx.tryChar('[');
            f = name + "[" + lx.fieldArg() + "]";
        }
        return new Operand(f, List.of(), lx.position(at));
    }

    private Operand transformed(Transformer t, int at) {
        lx.tryChar('(');
        lx.skipWs();
        int innerAt = lx.offset();
        String inner = lx.tryName();
        Operand op;
        if (inner == null) {
            throw lx.error(innerAt, t.word() + "() needs a field, found " + lx.near());
        }
        Transformer nested = inner.indexOf('.') < 0 ? Transformer.of(inner) : null;
        if (nested != null && lx.peekChar('(')) {
            op = transformed(nested, innerAt);
        } else if (inner.indexOf('.') < 0) {
            throw lx.error(innerAt, t.word() + "() needs a field, e.g. " + t.word() + "(proc.name), not '" + inner + "'");
        } else {
            op = field(inner, innerAt);
        }
        if (!lx.tryChar(')')) {
            throw lx.error(lx.offset(), "expected ')' to close " + t.word() + "(, found " + lx.near());
        }
        List<Transformer> ts = new ArrayList<>(op.transformers());
        ts.add(t);
        return new Operand(op.field(), List.copyOf(ts), lx.position(at));
    }

    private Expr check(Operand field) {
        lx.skipWs();
        int opAt = lx.offset();
        Operator op = lx.trySymbolOperator();
        if (op == null) {
            for (Operator w : Operator.WORDS) {
                if (lx.tryKeyword(w.symbol())) {
                    op = w;
                    break;
                }
            }
        }
        if (op == null) {
            throw lx.error(opAt, "expected an operator after " + field.text() + " (=, !=, <, <=, >, >=, contains, "
                    + "icontains, bcontains, startswith, bstartswith, endswith, glob, iglob, pmatch, in, intersects, "
                    + "exists, regex), found " + lx.near());
        }
        if (op.unary()) {
            return new Check(field, op, null, lx.position(opAt));
        }
        Value v = op.takesList() ? list(op) : value(op);
        return new Check(field, op, v, lx.position(opAt));
    }

    private ListValue list(Operator op) {
        lx.skipWs();
        int at = lx.offset();
        if (!lx.tryChar('(')) {
            throw lx.error(at, "'" + op.symbol() + "' needs a list in parentheses, e.g. (a, b), found " + lx.near());
        }
        List<Literal> items = new ArrayList<>();
        if (lx.tryChar(')')) {
            return new ListValue(items, lx.position(at));
        }
        while (true) {
            lx.skipWs();
            int itemAt = lx.offset();
            if (lx.atQuote()) {
                items.add(new Literal(lx.quoted(), true, lx.position(itemAt)));
            } else {
                String v = lx.bareValue();
                if (v == null) {
                    throw lx.error(itemAt, "expected a list item, found " + lx.near());
                }
                items.add(new Literal(v, false, lx.position(itemAt)));
            }
            if (lx.tryChar(',')) {
                continue;
            }
            if (lx.tryChar(')')) {
                return new ListValue(items, lx.position(at));
            }
            throw lx.error(lx.offset(), "expected ',' or ')' in the list opened at "
                    + lx.position(at).line() + ":" + lx.position(at).column() + ", found " + lx.near());
        }
    }

    private Value value(Operator op) {
        lx.skipWs();
        int at = lx.offset();
        if (lx.atQuote()) {
            return new Literal(lx.quoted(), true, lx.position(at));
        }
        if (lx.tryKeyword("val")) {
            if (lx.tryChar('(')) {
                lx.skipWs();
                int fAt = lx.offset();
                String f = lx.tryName();
                if (f == null || f.indexOf('.') < 0) {
                    throw lx.error(fAt, "val() needs a field, e.g. val(proc.pname)");
                }
                Operand o = field(f, fAt);
                if (!lx.tryChar(')')) {
                    throw lx.error(lx.offset(), "expected ')' to close val(, found " + lx.near());
                }
                return new FieldValue(o, lx.position(at));
            }
            return new Literal("val", false, lx.position(at));
        }
        String v = lx.bareValue();
        if (v == null) {
            throw lx.error(at, "'" + op.symbol() + "' needs a value, found " + lx.near());
        }
        return new Literal(v, false, lx.position(at));
    }
}
