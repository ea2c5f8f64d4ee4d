package io.peregrine.rules.engine.compile;

import static io.peregrine.rules.engine.compile.RuleTesting.compile;
import static io.peregrine.rules.engine.compile.RuleTesting.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.rules.language.loader.RuleLoadException;
import org.junit.jupiter.api.Test;

/** Regular expressions, macros and lists that would write out to more than a ruleset may hold. */
class ExpansionLimitsTest {

    private static RuleLoadException refused(String yaml) {
        return assertThrows(RuleLoadException.class, () -> compile(yaml));
    }

    private static String rule(String condition) {
        return "- rule: r\n  desc: d\n  condition: '" + condition.replace("'", "''")
                + "'\n  output: o\n  priority: INFO\n";
    }

    @Test
    void nestedRepetitionIsRefusedBeforeCompiling() {
        // Written out, this is 10^9 atoms: compiling it filled a 256 MB heap after a minute.
        RuleLoadException e = refused(rule("evt.type=execve and proc.name regex \"((a{1000}){1000}){1000}\""));
        assertTrue(e.reason().startsWith("regular expression too large"), e.getMessage());
        assertEquals(3, e.position().line(), e.getMessage());
        assertEquals(51, e.position().column(), e.getMessage());
    }

    @Test
    void regexSizeMultipliesNestedCountsAndAddsTheRest() {
        assertEquals(3, RegexSize.of("abc"));
        assertEquals(1_001_000, RegexSize.of("(a{1000}){1000}"));        // the group itself counts one, each time
        assertEquals(1_001_001_000L, RegexSize.of("((a{1000}){1000}){1000}"));
        assertEquals(1L << 40, RegexSize.of("a{99999999999999}"));
        assertTrue(RegexSize.of("x{1000,}") > 1000);
        assertEquals(1, RegexSize.of("[a{1000}]"));                       // a brace in a class is a character
        assertEquals(5, RegexSize.of("a{,5}"));                          // not a repetition: five characters
        assertEquals(7, RegexSize.of("\\Qa{1000}\\E"));                  // quoted: seven characters, no repetition
        assertEquals(1, RegexSize.of("(?i)a"));
        assertTrue(RegexSize.of("[\\w-]{1,64}\\.(?:sh|py){2,3}") < 200);
    }

    @Test
    void ordinaryRegularExpressionsStillCompile() {
        assertTrue(eval("proc.name regex \"^[a-z]{1,64}(-[0-9]{1,8})?$\"", "execve", "proc.name", "nginx-12"));
        assertFalse(eval("proc.name regex \"^(ab){2,3}$\"", "execve", "proc.name", "ab"));
        RuleLoadException e = refused(rule("proc.name regex \"(a{100}){101}\""));
        assertTrue(e.reason().contains("10201 atoms"), e.getMessage());
    }

    @Test
    void macroBombIsRefusedAtTheMacroThatGetsTooLarge() {
        StringBuilder y = new StringBuilder("- macro: m0\n  condition: proc.name = a\n");
        for (int i = 1; i <= 40; i++) {
            y.append("- macro: m").append(i).append("\n  condition: (m").append(i - 1).append(" or m")
                    .append(i - 1).append(")\n");
        }
        y.append(rule("evt.type = execve and m40"));
        RuleLoadException e = refused(y.toString());
        // m16 is the first whose tree passes 100000 terms (2^17 - 1 nodes).
        assertTrue(e.reason().startsWith("macro 'm16' expands to 131071 terms"), e.getMessage());
    }

    @Test
    void listBombIsRefusedBeforeItIsCopied() {
        StringBuilder y = new StringBuilder("- list: l0\n  items: [a, b]\n");
        for (int i = 1; i <= 40; i++) {
            y.append("- list: l").append(i).append("\n  items: [l").append(i - 1).append(", l").append(i - 1)
                    .append("]\n");
        }
        y.append(rule("evt.type = execve and proc.name in (l40)"));
        RuleLoadException e = refused(y.toString());
        assertTrue(e.reason().startsWith("list 'l16' expands to more than 100000 items"), e.getMessage());
    }

    @Test
    void manyRulesSharingALargeMacroAreRefusedInAll() {
        StringBuilder y = new StringBuilder("- macro: m0\n  condition: proc.name = a\n");
        for (int i = 1; i <= 15; i++) {
            y.append("- macro: m").append(i).append("\n  condition: (m").append(i - 1).append(" or m")
                    .append(i - 1).append(")\n");
        }
        // m15 is 65535 terms: allowed once, but 40 rules using it are more than 2,000,000 in all.
        for (int r = 0; r < 40; r++) {
            y.append("- rule: r").append(r).append("\n  desc: d\n  condition: evt.type = execve and m15\n"
                    + "  output: o\n  priority: INFO\n");
        }
        RuleLoadException e = refused(y.toString());
        assertTrue(e.reason().contains("expand to more than the 2000000 terms allowed in all"), e.getMessage());
        assertTrue(e.reason().startsWith("with rule 'r30'"), e.getMessage());
    }
}
