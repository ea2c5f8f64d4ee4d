package io.peregrine.rules.language.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.protocol.alert.Priority;
import io.peregrine.rules.language.loader.RuleLoadException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Falco's ordering, redefinition, append and override semantics across files. */
class RulesetBuilderTest {

    private static final String BASE = """
            - list: shells
              items: [bash, sh]
            - macro: spawned
              condition: evt.type = execve
            - rule: A
              desc: first
              condition: spawned and proc.name in (shells)
              output: "shell %proc.name"
              priority: WARNING
              tags: [t1]
            - rule: B
              desc: second
              condition: spawned
              output: b
              priority: notice
            """;

    private static Ruleset build(String... files) {
        RulesetBuilder b = new RulesetBuilder();
        for (int i = 0; i < files.length; i++) {
            b.add("f" + i + ".yaml", files[i]);
        }
        return b.build();
    }

    private static RuleLoadException error(String... files) {
        return assertThrows(RuleLoadException.class, () -> build(files));
    }

    @Test
    void redefinitionReplacesInPlace() {
        Ruleset rs = build(BASE, """
                - rule: A
                  desc: replaced
                  condition: spawned
                  output: x
                  priority: ERROR
                - rule: C
                  desc: new
                  condition: spawned
                  output: c
                  priority: DEBUG
                """);
        assertEquals(List.of("A", "B", "C"), rs.rules().stream().map(RuleDefinition::name).toList());
        assertEquals("replaced", rs.rules().get(0).desc().text());
        assertEquals(Priority.ERROR, rs.rules().get(0).priority());
        assertEquals(Priority.NOTICE, rs.rules().get(1).priority());
    }

    @Test
    void legacyAppend() {
        Ruleset rs = build(BASE, """
                - list: shells
                  items: [zsh]
                  append: true
                - macro: spawned
                  condition: and proc.name != init
                  append: true
                - rule: A
                  condition: and not user.name = root
                  append: true
                """);
        assertEquals(List.of("bash", "sh", "zsh"), rs.lists().get("shells").items().stream().map(t -> t.text()).toList());
        assertEquals("evt.type = execve and proc.name != init", rs.macros().get("spawned").condition().text());
        assertEquals("spawned and proc.name in (shells) and not user.name = root", rs.rules().get(0).condition().text());
    }

    @Test
    void overrideAppendAndReplacePerKey() {
        Ruleset rs = build(BASE, """
                - rule: A
                  condition: and proc.pname != cron
                  output: "(extra)"
                  priority: CRITICAL
                  tags: [t2]
                  override:
                    condition: append
                    output: append
                    priority: replace
                    tags: append
                - list: shells
                  items: [fish]
                  override:
                    items: replace
                - rule: B
                  enabled: false
                  override:
                    enabled: replace
                """);
        RuleDefinition a = rs.rules().get(0);
        assertEquals("spawned and proc.name in (shells) and proc.pname != cron", a.condition().text());
        assertEquals("shell %proc.name (extra)", a.output().text());
        assertEquals(Priority.CRITICAL, a.priority());
        assertEquals(List.of("t1", "t2"), a.tags());
        assertEquals(List.of("fish"), rs.lists().get("shells").items().stream().map(t -> t.text()).toList());
        assertFalse(rs.rules().get(1).enabled());
        assertEquals(1, rs.enabledCount());
    }

    @Test
    void enabledOnlyItemSwitchesARule() {
        Ruleset rs = build(BASE, "- rule: B\n  enabled: false\n");
        assertFalse(rs.rules().get(1).enabled());
        rs = build(BASE, "- rule: B\n  enabled: false\n", "- rule: B\n  enabled: true\n");
        assertTrue(rs.rules().get(1).enabled());
    }

    @Test
    void appendedConditionKeepsPositionsOfBothFiles() {
        Ruleset rs = build(BASE, "- rule: A\n  condition: and not user.name = root\n  append: true\n");
        var cond = rs.rules().get(0).condition();
        int at = cond.text().indexOf("user.name");
        assertEquals("f1.yaml", cond.position(at).file());
        assertEquals(2, cond.position(at).line());
        assertEquals(22, cond.position(at).column());
        assertEquals("f0.yaml", cond.position(0).file());
        assertEquals(7, cond.position(0).line());
    }

    @Test
    void errorsWithPositions() {
        RuleLoadException e = error("- rule: X\n  append: true\n  condition: and a\n");
        assertEquals(1, e.position().line());
        assertTrue(e.reason().contains("no rule of that name"), e.reason());

        e = error("- rule: X\n  desc: d\n  condition: a\n  output: o\n");
        assertTrue(e.reason().contains("has no 'priority'"), e.reason());

        e = error("- rule: X\n  desc: d\n  condition: a\n  output: o\n  priority: LOUD\n");
        assertEquals(5, e.position().line());
        assertEquals(13, e.position().column());
        assertTrue(e.reason().contains("priority 'LOUD'"), e.reason());

        e = error("- rule: X\n  desc: d\n  condition: a\n  output: o\n  priority: INFO\n  bogus: 1\n");
        assertEquals(6, e.position().line());
        assertTrue(e.reason().contains("unexpected key 'bogus'"), e.reason());

        e = error("- list: l\n  items: [a]\n  append: true\n");
        assertTrue(e.reason().contains("no list of that name"), e.reason());

        e = error("- macro: m\n  condition: a\n  override:\n    condition: merge\n");
        assertEquals(4, e.position().line());
        assertTrue(e.reason().contains("'append' or 'replace'"), e.reason());

        e = error(BASE, "- rule: A\n  priority: ERROR\n  override:\n    priority: append\n");
        assertTrue(e.reason().contains("cannot be appended"), e.reason());

        e = error(BASE, "- rule: A\n  condition: x\n  desc: y\n  override:\n    condition: append\n");
        assertEquals(3, e.position().line());
        assertTrue(e.reason().contains("must be listed under 'override'"), e.reason());

        e = error(BASE, "- rule: A\n  condition: x\n  append: true\n  override:\n    condition: append\n");
        assertTrue(e.reason().contains("cannot be used together"), e.reason());

        e = error("- rule: Nope\n  enabled: false\n");
        assertTrue(e.reason().contains("only sets 'enabled'"), e.reason());

        e = error("- rule: X\n  desc: d\n  condition: a\n  output: o\n  priority: INFO\n  enabled: maybe\n");
        assertEquals(6, e.position().line());

        e = error("- rule: X\n  tags: notalist\n  desc: d\n  condition: a\n  output: o\n  priority: INFO\n");
        assertEquals(2, e.position().line());
    }

    @Test
    void malformedYaml() {
        RuleLoadException e = error("- rule: X\n  desc: [unclosed\n");
        assertTrue(e.reason().startsWith("malformed YAML"), e.reason());
        assertEquals("f0.yaml", e.position().file());
        e = error("rule: X\n");
        assertTrue(e.reason().contains("sequence of items"), e.reason());
        e = error("- just text\n");
        assertTrue(e.reason().contains("must be a mapping"), e.reason());
        e = error("- rule: X\n  desc: a\n  desc: b\n");
        assertEquals(3, e.position().line());
        assertTrue(e.reason().contains("duplicate key 'desc'"), e.reason());
    }

    @Test
    void versions() {
        build("- required_engine_version: 0.57.0\n", "- required_engine_version: 10\n");
        RuleLoadException e = error("- required_engine_version: 0.99.0\n");
        assertTrue(e.reason().contains("needs rules engine version 0.99.0"), e.reason());
        e = error("- required_engine_version: banana\n");
        assertTrue(e.reason().contains("MAJOR.MINOR.PATCH"), e.reason());
        build("- required_plugin_versions:\n  - name: container\n    version: 0.3.0\n");
        e = error("- required_plugin_versions:\n  - name: k8saudit\n    version: 0.1.0\n");
        assertEquals(2, e.position().line());
        assertTrue(e.reason().contains("plugin 'k8saudit'"), e.reason());
        e = error("- required_plugin_versions:\n  - name: container\n    version: 9.0.0\n");
        assertTrue(e.reason().contains("Peregrine provides 0.4.0"), e.reason());
        build("- required_plugin_versions:\n  - name: json\n    version: 0.1.0\n    alternatives:\n"
                + "      - name: container\n        version: 0.1.0\n");
    }

    @Test
    void unknownItemsWarn() {
        Ruleset rs = build("- something: x\n");
        assertEquals(1, rs.warnings().size());
        assertTrue(rs.warnings().get(0).contains("f0.yaml:1:3"), rs.warnings().get(0));
        assertEquals(0, build("").rules().size());
    }
}
