package io.peregrine.rules.language.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.rules.language.condition.Expr.And;
import io.peregrine.rules.language.condition.Expr.Check;
import io.peregrine.rules.language.condition.Expr.FieldValue;
import io.peregrine.rules.language.condition.Expr.ListValue;
import io.peregrine.rules.language.condition.Expr.Literal;
import io.peregrine.rules.language.condition.Expr.MacroRef;
import io.peregrine.rules.language.condition.Expr.Not;
import io.peregrine.rules.language.condition.Expr.Or;
import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.RuleLoadException;
import io.peregrine.rules.language.loader.SourcePosition;
import org.junit.jupiter.api.Test;

class ConditionParserTest {

    /** Condition text whose offset i is reported as column i+1 of line 1. */
    private static Expr parse(String s) {
        int[] lines = new int[s.length() + 1];
        int[] cols = new int[s.length() + 1];
        for (int i = 0; i <= s.length(); i++) {
            lines[i] = 1;
            cols[i] = i + 1;
        }
        return ConditionParser.parse(PositionedTextAccess.of(s, lines, cols));
    }

    private static RuleLoadException error(String s) {
        return assertThrows(RuleLoadException.class, () -> parse(s));
    }

    @Test
    void andBindsTighterThanOr() {
        Or or = assertInstanceOf(Or.class, parse("a or b and c"));
        assertInstanceOf(MacroRef.class, or.terms().get(0));
        assertInstanceOf(And.class, or.terms().get(1));
        Or or2 = assertInstanceOf(Or.class, parse("a and b or c"));
        assertInstanceOf(And.class, or2.terms().get(0));
    }

    @Test
    void notBindsTighterThanAnd() {
        And and = assertInstanceOf(And.class, parse("not a and b"));
        assertInstanceOf(Not.class, and.terms().get(0));
        Not n = assertInstanceOf(Not.class, parse("not not a"));
        assertInstanceOf(Not.class, n.term());
        assertInstanceOf(Not.class, parse("not(a or b)"));
    }

    @Test
    void parenthesesGroup() {
        And and = assertInstanceOf(And.class, parse("(a or b) and c"));
        assertInstanceOf(Or.class, and.terms().get(0));
        assertInstanceOf(MacroRef.class, parse("((a))"));
    }

    @Test
    void everyOperatorParses() {
        for (Operator op : Operator.values()) {
            String v = op.takesList() ? "(x, y)" : op.unary() ? "" : "x";
            Check c = assertInstanceOf(Check.class, parse("proc.name " + op.symbol() + " " + v));
            assertEquals(op, c.op());
        }
        assertEquals(Operator.EQ, ((Check) parse("proc.name==x")).op());
        assertEquals(Operator.GE, ((Check) parse("fd.num>=0")).op());
        assertEquals(Operator.LT, ((Check) parse("fd.num<0")).op());
    }

    @Test
    void wordOperatorsNeedABoundary() {
        // "icontains" is not "in" followed by "contains"; "inx" is not "in".
        assertEquals(Operator.ICONTAINS, ((Check) parse("proc.name icontains x")).op());
        assertEquals(Operator.IN, ((Check) parse("proc.name in(x)")).op());
        assertTrue(error("proc.name inx (a)").reason().contains("expected an operator"));
    }

    @Test
    void values() {
        Check c = (Check) parse("evt.dir = <");
        assertEquals("<", ((Literal) c.value()).text());
        c = (Check) parse("fd.name = '/a b'");
        assertEquals("/a b", ((Literal) c.value()).text());
        assertTrue(((Literal) c.value()).quoted());
        c = (Check) parse("proc.name in (a, \"b c\", 'd')");
        assertEquals(3, ((ListValue) c.value()).items().size());
        c = (Check) parse("proc.name in ()");
        assertEquals(0, ((ListValue) c.value()).items().size());
        c = (Check) parse("proc.name = val(proc.pname)");
        assertEquals("proc.pname", ((FieldValue) c.value()).field().field());
        c = (Check) parse("proc.aname[2] = x");
        assertEquals("proc.aname[2]", c.field().field());
        c = (Check) parse("tolower(proc.name) = x");
        assertEquals("proc.name", c.field().field());
        assertEquals(Transformer.TOLOWER, c.field().transformers().get(0));
    }

    @Test
    void errorsPointAtTheOffendingText() {
        RuleLoadException e = error("proc.name = a and");
        assertEquals(18, e.position().column());
        e = error("proc.name = a )");
        assertEquals(15, e.position().column());
        assertTrue(e.reason().contains("unexpected ')'"), e.reason());
        e = error("(proc.name = a");
        assertTrue(e.reason().contains("expected ')'"), e.reason());
        e = error("proc.name bogus x");
        assertEquals(11, e.position().column());
        e = error("proc.name in a");
        assertEquals(14, e.position().column());
        assertTrue(e.reason().contains("needs a list"), e.reason());
        e = error("proc.name in (a, b");
        assertTrue(e.reason().contains("expected ',' or ')'"), e.reason());
        e = error("proc.name = \"open");
        assertEquals(13, e.position().column());
        assertTrue(e.reason().contains("not closed"), e.reason());
        e = error("proc.name =");
        assertTrue(e.reason().contains("needs a value"), e.reason());
        e = error("");
        assertTrue(e.reason().contains("empty"), e.reason());
        e = error("and a");
        assertEquals(1, e.position().column());
        e = error("name = x");
        assertTrue(e.reason().contains("not a field"), e.reason());
        e = error("upper(proc.name) = x");
        assertTrue(e.reason().contains("not a transformer"), e.reason());
        e = error("proc.aname[2 = x");
        assertTrue(e.reason().contains("not closed with ']'"), e.reason());
        e = error("tolower(x) = y");
        assertTrue(e.reason().contains("needs a field"), e.reason());
        e = error("proc.name = val(x)");
        assertTrue(e.reason().contains("val() needs a field"), e.reason());
    }

    @Test
    void positionsOfNodes() {
        Check c = (Check) ((And) parse("a and  proc.name = x")).terms().get(1);
        assertEquals(new SourcePosition("t", 1, 8), c.field().position());
        assertEquals(new SourcePosition("t", 1, 18), c.opPosition());
    }

    @Test
    void nestingIsBounded() {
        assertInstanceOf(Check.class, parse("(".repeat(100) + "proc.name = x" + ")".repeat(100)));
        SourcePosition at = new SourcePosition("t", 1, 1);
        RuleLoadException e = assertThrows(RuleLoadException.class, () -> ConditionParser.parse(
                PositionedText.at("(".repeat(10_000) + "proc.name = x" + ")".repeat(10_000), at)));
        assertTrue(e.reason().contains("nests deeper than"), e.reason());
        e = assertThrows(RuleLoadException.class, () -> ConditionParser.parse(
                PositionedText.at("not ".repeat(10_000) + "proc.name = x", at)));
        assertTrue(e.reason().contains("nests deeper than"), e.reason());
    }
}
