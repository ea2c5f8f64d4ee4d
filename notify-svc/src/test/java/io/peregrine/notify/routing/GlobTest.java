package io.peregrine.notify.routing;

import io.peregrine.notify.delivery.Alerts;
import io.peregrine.notify.output.OutputSpec;
import io.peregrine.protocol.alert.Priority;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobTest {

    @Test
    void starMatchesAnyTextAndEverythingElseIsLiteral() {
        assertTrue(new Glob("Write below *").matches("Write below etc"));
        assertTrue(new Glob("Write below *").matches("Write below "));
        assertFalse(new Glob("Write below *").matches("Write below"));
        assertTrue(new Glob("*").matches(""));
        assertTrue(new Glob("**").matches("x"));
        assertTrue(new Glob("a*b*c").matches("abc"));
        assertTrue(new Glob("a*b*c").matches("a-b-b-c"));
        assertFalse(new Glob("a*b*c").matches("a-c-b"));
        assertFalse(new Glob("ab*ba").matches("aba"), "head and tail may not share characters");
        assertTrue(new Glob("ab*ba").matches("abba"));
        assertTrue(new Glob("a.c[?]+").matches("a.c[?]+"));
        assertFalse(new Glob("a.c").matches("abc"));
        assertTrue(new Glob("*aab*").matches("aaab"), "a failed partial match resumes without losing the occurrence");
        assertTrue(new Glob("").matches(""));
        assertFalse(new Glob("").matches("a"));
    }

    /** Every pattern and name over a small alphabet agrees with an independent definition. */
    @Test
    void agreesWithAQuotedRegularExpressionOnRandomInputs() {
        Random r = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            String pattern = random(r, "ab*", r.nextInt(8));
            String name = random(r, "ab", r.nextInt(12));
            boolean expected = reference(pattern).matcher(name).matches();
            assertEquals(expected, new Glob(pattern).matches(name), pattern + " against " + name);
        }
    }

    @Test
    void pathologicalPatternsCostWorkLinearInTheName() {
        String name = "a".repeat(200_000);
        for (String pattern : new String[] {"*a*a*a*a*a*b", "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*", "*aaaaaaaaab*",
                "a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*ab", "*" + "a".repeat(1000) + "b*"}) {
            Glob g = new Glob(pattern);
            long cost = g.cost(name);
            assertTrue(cost <= 3L * (name.length() + pattern.length()), pattern + ": " + cost + " comparisons");
            assertEquals(!pattern.contains("b"), g.matches(name), pattern);
        }
    }

    @Test
    void anOutputFilterWithAPathologicalPatternStillDecidesOnALongRuleName() {
        AlertFilter f = new AlertFilter(OutputSpec.builder("x", "stdout")
                .includeRules("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b").build());
        assertFalse(f.accepts(Alerts.alert("a".repeat(100_000), Priority.ERROR)));
        assertTrue(f.accepts(Alerts.alert("a".repeat(100_000) + "b", Priority.ERROR)));
    }

    private static String random(Random r, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static Pattern reference(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            b.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(b.toString(), Pattern.DOTALL);
    }
}
