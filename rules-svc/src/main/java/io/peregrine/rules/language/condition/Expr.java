package io.peregrine.rules.language.condition;

import io.peregrine.rules.language.loader.SourcePosition;
import java.util.List;

/** Abstract syntax of a condition. Every node keeps its position in the rules file. */
public sealed interface Expr {

    record And(List<Expr> terms) implements Expr {
    }

    record Or(List<Expr> terms) implements Expr {
    }

    record Not(Expr term) implements Expr {
    }

    /** A bare identifier: a macro to expand. */
    record MacroRef(String name, SourcePosition position) implements Expr {
    }

    /** {@code field op value}; value is null for {@code exists}. */
    record Check(Operand field, Operator op, Value value, SourcePosition opPosition) implements Expr {
    }

    /** A condition known to be always true or false (after folding). */
    record Const(boolean value) implements Expr {
    }

    /** A field reference as written, with the transformers around it, innermost first. */
    record Operand(String field, List<Transformer> transformers, SourcePosition position) {
        public String text() {
            String s = field;
            for (Transformer t : transformers) {
                s = t.word() + "(" + s + ")";
            }
            return s;
        }
    }

    /** Right side of a comparison. */
    sealed interface Value {
        SourcePosition position();
    }

    /** A literal; {@code quoted} literals are never taken as list names. */
    record Literal(String text, boolean quoted, SourcePosition position) implements Value {
    }

    record ListValue(List<Literal> items, SourcePosition position) implements Value {
    }

    /** {@code val(field)}: compare with another field of the same event. */
    record FieldValue(Operand field, SourcePosition position) implements Value {
    }
}
