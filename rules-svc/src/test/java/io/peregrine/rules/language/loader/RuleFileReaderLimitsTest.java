package io.peregrine.rules.language.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML aliases that loop, nest or repeat text past what a rules file may hold. */
class RuleFileReaderLimitsTest {

    private static List<RuleFileItem> read(String yaml) {
        return RuleFileReader.read("f.yaml", yaml, w -> { });
    }

    private static RuleLoadException refused(String yaml) {
        return assertThrows(RuleLoadException.class, () -> read(yaml));
    }

    private static final String RULE_HEAD = "- rule: r\n  desc: d\n  condition: evt.type = execve\n  output: o\n"
            + "  priority: INFO\n";

    @Test
    void aliasInsideItsOwnAnchorIsACycle() {
        // Read naively, the exception values recurse without end.
        RuleLoadException e = refused(RULE_HEAD + "  exceptions:\n  - name: e\n    fields: [proc.name]\n"
                + "    values: &a [x, *a]\n");
        assertTrue(e.reason().contains("cycles are not allowed"), e.getMessage());
        assertEquals(9, e.position().line(), e.getMessage());
    }

    @Test
    void cycleThroughAPluginAlternativeIsRefused() {
        RuleLoadException e = refused("- required_plugin_versions:\n  - &p {name: k8saudit, version: 0.1.0, "
                + "alternatives: [*p]}\n");
        assertTrue(e.reason().contains("cycles are not allowed"), e.getMessage());
    }

    @Test
    void aliasesMayNotRepeatMoreThanAMillionCharacters() {
        String big = "a".repeat(200_000);
        StringBuilder y = new StringBuilder("- list: big\n  items: [&b ").append(big);
        for (int i = 0; i < 5; i++) {
            y.append(", *b");
        }
        y.append("]\n");
        RuleLoadException e = refused(y.toString());
        assertTrue(e.reason().startsWith("aliases repeat more than 1000000 characters"), e.getMessage());
        // Four uses (800,000 characters) are still fine.
        String ok = y.toString().replace(", *b]", "]");
        assertEquals(5, ((RuleFileItem.ListItem) read(ok).getFirst()).items().size());
    }

    @Test
    void atMostAThousandAliasUses() {
        StringBuilder y = new StringBuilder("- list: l\n  items: [&x a");
        for (int i = 0; i < 1001; i++) {
            y.append(", *x");
        }
        y.append("]\n");
        RuleLoadException e = refused(y.toString());
        assertTrue(e.reason().startsWith("more than 1000 uses of aliases"), e.getMessage());
    }

    @Test
    void aliasesCannotNestDeeperThanTheLimit() {
        // Each anchor holds the one before two levels down: 80 levels through 40 aliases (the YAML
        // parser allows 50 aliases of sequences), though no line nests more than 4.
        StringBuilder y = new StringBuilder(RULE_HEAD + "  exceptions:\n  - name: e\n    fields: [proc.name]\n"
                + "    values:\n    - &a0 [x]\n");
        for (int i = 1; i <= 40; i++) {
            y.append("    - &a").append(i).append(" [[*a").append(i - 1).append("]]\n");
        }
        RuleLoadException e = refused(y.toString());
        assertTrue(e.reason().startsWith("nested more than 64 levels"), e.getMessage());
    }

    @Test
    void ordinaryAnchorsStillWork() {
        List<String> seen = new ArrayList<>();
        List<RuleFileItem> items = read("- list: a\n  items: &v [x, y]\n- list: b\n  items: *v\n");
        for (RuleFileItem i : items) {
            seen.add(((RuleFileItem.ListItem) i).items().stream().map(PositionedText::text).toList().toString());
        }
        assertEquals(List.of("[x, y]", "[x, y]"), seen);
    }
}
