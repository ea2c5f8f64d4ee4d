package io.peregrine.rules.engine.compile;

import static io.peregrine.rules.engine.compile.RuleTesting.compile;
import static io.peregrine.rules.engine.compile.RuleTesting.event;
import static io.peregrine.rules.engine.compile.RuleTesting.matches;
import static io.peregrine.rules.engine.compile.RuleTesting.rule;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.rules.language.loader.RuleLoadException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompilerTest {

    private static RuleLoadException error(String yaml) {
        return assertThrows(RuleLoadException.class, () -> compile(yaml));
    }

    private static String rule(String name, String condition) {
        return "- rule: " + name + "\n  desc: d\n  condition: " + condition + "\n  output: o %proc.name\n  priority: INFO\n";
    }

    private static int[] types(String... names) {
        return Arrays.stream(names).mapToInt(EventTypes::code).sorted().toArray();
    }

    @Test
    void eventTypeIndexFollowsFalco() {
        CompiledRuleset c = compile(rule("open", "evt.type in (open, openat) and fd.num >= 0")
                + rule("notexec", "not evt.type = execve and proc.name = x")
                + rule("either", "evt.type = connect or (evt.type = accept and fd.num > 2)")
                + rule("negand", "not (evt.type = execve and proc.name = x)"));
        assertArrayEquals(types("open", "openat"), c.rules().stream().filter(r -> r.name().equals("open")).findFirst()
                .map(r -> indexOf(r.eventTypes())).orElseThrow());
        assertArrayEquals(types("accept", "connect"), indexOf(c.rules().get(2).eventTypes()));
        int[] notexec = indexOf(c.rules().get(1).eventTypes());
        assertEquals(EventTypes.size() - 2, notexec.length);            // all but execve and the unnamed code 0
        assertTrue(Arrays.stream(notexec).noneMatch(t -> t == EventTypes.code("execve")));
        assertEquals(EventTypes.size() - 1, indexOf(c.rules().get(3).eventTypes()).length);
        assertEquals(3, c.candidates(EventTypes.code("openat")));  // open, notexec, negand
        assertEquals(1, c.candidates(EventTypes.code("execve")));  // negand only
    }

    private static int[] indexOf(boolean[] s) {
        return java.util.stream.IntStream.range(0, s.length).filter(i -> s[i]).toArray();
    }

    @Test
    void evaluationUsesTheIndexAndRuleOrder() {
        CompiledRuleset c = compile(rule("first", "evt.type = execve and proc.name = sh")
                + rule("second", "evt.type in (execve, openat) and proc.name startswith s")
                + rule("third", "evt.type = openat and proc.name = sh"));
        var ev = event(c, "execve", "proc.name", "sh");
        assertEquals(List.of("first", "second"), matches(c, ev));
        List<String> first = new java.util.ArrayList<>();
        assertEquals(1, c.evaluate(ev, true, (r, e) -> first.add(r.name())));
        assertEquals(List.of("first"), first);
        assertEquals(List.of("second", "third"), matches(c, event(c, "openat", "proc.name", "sh")));
        assertEquals(List.of(), matches(c, event(c, "connect", "proc.name", "sh")));
    }

    @Test
    void specialisedConditionsKeepMixedTypeLogic() {
        // For openat the evt.type checks fold to constants; the rest must still be evaluated.
        CompiledRuleset c = compile(rule("r", "(evt.type = openat and fd.name = /a) or (evt.type = execve and proc.name = b)"));
        assertEquals(List.of("r"), matches(c, event(c, "openat", "fd.name", "/a")));
        assertEquals(List.of(), matches(c, event(c, "openat", "fd.name", "/b", "proc.name", "b")));
        assertEquals(List.of("r"), matches(c, event(c, "execve", "proc.name", "b")));
        assertEquals(List.of(), matches(c, event(c, "execve", "fd.name", "/a")));
    }

    @Test
    void macrosAndListsExpand() {
        CompiledRuleset c = compile("""
                - list: base_shells
                  items: [bash, sh]
                - list: shells
                  items: [base_shells, '"zsh"', fish]
                - macro: spawned
                  condition: evt.type = execve
                - macro: shell
                  condition: spawned and proc.name in (shells, ksh)
                """ + rule("r", "shell and not user.name = root"));
        for (String sh : List.of("bash", "sh", "zsh", "fish", "ksh")) {
            assertEquals(List.of("r"), matches(c, event(c, "execve", "proc.name", sh, "user.name", "ann")), sh);
        }
        assertEquals(List.of(), matches(c, event(c, "execve", "proc.name", "base_shells", "user.name", "ann")));
        assertEquals(List.of(), matches(c, event(c, "execve", "proc.name", "bash", "user.name", "root")));
        // A quoted item is never a list name.
        CompiledRuleset q = compile("- list: l\n  items: [a]\n" + rule("r", "proc.name in (\"l\")"));
        assertEquals(List.of("r"), matches(q, event(q, "execve", "proc.name", "l")));
    }

    @Test
    void exceptions() {
        CompiledRuleset c = compile("""
                - list: allowed_paths
                  items: [/tmp/ok, /var/ok]
                - rule: r
                  desc: d
                  condition: evt.type = openat and fd.name startswith /
                  output: o
                  priority: INFO
                  exceptions:
                    - name: by_proc_and_path
                      fields: [proc.name, fd.name]
                      comps: [=, startswith]
                      values:
                        - [nginx, /var/www]
                        - [apache, /srv]
                    - name: by_path_list
                      fields: [fd.name]
                      comps: [in]
                      values:
                        - [allowed_paths]
                    - name: short_form
                      fields: proc.name
                      values: [cron, anacron]
                """);
        assertEquals(List.of(), matches(c, event(c, "openat", "proc.name", "nginx", "fd.name", "/var/www/x")));
        assertEquals(List.of("r"), matches(c, event(c, "openat", "proc.name", "nginx", "fd.name", "/srv/x")));
        assertEquals(List.of(), matches(c, event(c, "openat", "proc.name", "apache", "fd.name", "/srv/x")));
        assertEquals(List.of(), matches(c, event(c, "openat", "proc.name", "x", "fd.name", "/tmp/ok")));
        assertEquals(List.of(), matches(c, event(c, "openat", "proc.name", "anacron", "fd.name", "/etc")));
        assertEquals(List.of("r"), matches(c, event(c, "openat", "proc.name", "x", "fd.name", "/etc")));
        // Appending values to an exception by name.
        CompiledRuleset c2 = RuleCompiler.compile(new io.peregrine.rules.language.ruleset.RulesetBuilder()
                .add("a.yaml", "- rule: r\n  desc: d\n  condition: evt.type = execve\n  output: o\n  priority: INFO\n"
                        + "  exceptions:\n    - name: e\n      fields: [proc.name]\n      values: [[a]]\n")
                .add("b.yaml", "- rule: r\n  exceptions:\n    - name: e\n      values: [[b]]\n  override:\n    exceptions: append\n")
                .build());
        assertEquals(List.of(), matches(c2, event(c2, "execve", "proc.name", "b")));
        assertEquals(List.of("r"), matches(c2, event(c2, "execve", "proc.name", "c")));
    }

    @Test
    void conditionErrorsAreMappedIntoTheFile() {
        // Folded block scalar: the error is on line 5, in the column of the bad token.
        RuleLoadException e = error("""
                - rule: r
                  desc: d
                  condition: >
                    evt.type = execve
                    and proc.name = sh )
                  output: o
                  priority: INFO
                """);
        assertEquals("test.yaml", e.position().file());
        assertEquals(5, e.position().line());
        assertEquals(24, e.position().column());
        // Plain scalar on the key line.
        e = error(rule("r", "evt.type = execve and proc.nme = sh"));
        assertEquals(3, e.position().line());
        assertEquals(36, e.position().column());
        assertTrue(e.reason().contains("unknown field 'proc.nme'"), e.reason());
        // Double-quoted scalar: the quote shifts columns by one.
        e = error(rule("r", "\"evt.type = execve and fd.num = abc\""));
        assertEquals(3, e.position().line());
        assertEquals(46, e.position().column());
        assertTrue(e.reason().contains("'abc' is not a number"), e.reason());
    }

    @Test
    void macroErrorsPointIntoTheMacro() {
        RuleLoadException e = error("- macro: m\n  condition: proc.name = x and bogus.field = 1\n" + rule("r", "m"));
        assertEquals(2, e.position().line());
        assertEquals(32, e.position().column());
        e = error(rule("r", "evt.type = execve and undefined_macro"));
        assertEquals(3, e.position().line());
        assertTrue(e.reason().contains("undefined macro 'undefined_macro'"), e.reason());
        e = error("- list: l\n  items: [a]\n" + rule("r", "l"));
        assertTrue(e.reason().contains("is a list"), e.reason());
        e = error("- macro: a\n  condition: b\n- macro: b\n  condition: a\n" + rule("r", "a"));
        assertTrue(e.reason().contains("refers to itself: a -> b -> a"), e.reason());
        e = error("- list: a\n  items: [b]\n- list: b\n  items: [a]\n" + rule("r", "proc.name in (a)"));
        assertTrue(e.reason().contains("contains itself"), e.reason());
    }

    @Test
    void typeErrors() {
        RuleLoadException e = error(rule("r", "fd.num contains 1"));
        assertTrue(e.reason().contains("operator 'contains' cannot be used with fd.num (INT64)"), e.reason());
        assertEquals(21, e.position().column());
        e = error(rule("r", "fd.num in (1, x)"));
        assertEquals(28, e.position().column());
        e = error(rule("r", "evt.is_open_read = yes"));
        assertTrue(e.reason().contains("not a boolean"), e.reason());
        e = error(rule("r", "fd.sip = 300.1.1.1"));
        assertTrue(e.reason().contains("not an IP address"), e.reason());
        e = error(rule("r", "fd.sip startswith 10."));
        assertTrue(e.reason().contains("cannot be used with fd.sip"), e.reason());
        e = error(rule("r", "proc.name regex 'a(b'"));
        assertTrue(e.reason().contains("invalid regular expression"), e.reason());
        e = error(rule("r", "evt.buffer bcontains xyz"));
        assertTrue(e.reason().contains("hex-encoded"), e.reason());
        e = error(rule("r", "proc.name = val(fd.num)"));
        assertTrue(e.reason().contains("cannot compare"), e.reason());
        e = error(rule("r", "len(fd.num) > 1"));
        assertTrue(e.reason().contains("applies to text fields"), e.reason());
        e = error(rule("r", "evt.type startswith open"));
        assertTrue(e.reason().contains("evt.type supports"), e.reason());
        e = error(rule("r", "proc.name[1] = x"));
        assertTrue(e.reason().contains("does not take the argument"), e.reason());
    }

    @Test
    void unknownFieldsFollowSkipIfUnknownFilter() {
        String skip = "- rule: s\n  desc: d\n  condition: proc.future_field = 1\n  output: o\n  priority: INFO\n"
                + "  skip-if-unknown-filter: true\n";
        CompiledRuleset c = compile(skip + rule("kept", "evt.type = execve"));
        assertEquals(List.of("kept"), c.rules().stream().map(CompiledRule::name).toList());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("skip-if-unknown-filter")));
        // A field Peregrine knows but cannot extract yet behaves as an unknown one.
        RuleLoadException e = error(rule("r", "k8s.pod.cni.json contains x"));
        assertTrue(e.reason().contains("not supported yet"), e.reason());
        c = compile(skip.replace("proc.future_field = 1", "k8s.pod.cni.json contains x"));
        assertEquals(0, c.rules().size());
    }

    @Test
    void outputErrors() {
        RuleLoadException e = error("- rule: r\n  desc: d\n  condition: evt.type = execve\n  output: a %proc.nope b\n  priority: INFO\n");
        assertEquals(4, e.position().line());
        assertEquals(13, e.position().column());
        assertTrue(e.reason().contains("unknown field 'proc.nope' in output"), e.reason());
    }

    @Test
    void disabledRulesAreCheckedButNotIndexed() {
        CompiledRuleset c = compile(rule("on", "evt.type = execve") + rule("off", "evt.type = execve")
                + "- rule: off\n  enabled: false\n");
        assertEquals(List.of("on"), c.rules().stream().map(CompiledRule::name).toList());
        assertThrows(RuleLoadException.class, () -> compile(rule("bad", "proc.nope = 1") + "- rule: bad\n  enabled: false\n"));
    }

    @Test
    void otherSourcesAreSkippedWithAWarning() {
        CompiledRuleset c = compile("- rule: k\n  desc: d\n  condition: ka.verb = create\n  output: o\n  priority: INFO\n"
                + "  source: k8s_audit\n" + rule("s", "evt.type = execve"));
        assertEquals(1, c.rules().size());
        assertTrue(c.warnings().stream().anyMatch(w -> w.contains("k8s_audit")));
    }

    @Test
    void interestListsTypesAndFieldsPerType() {
        CompiledRuleset c = compile(
                "- rule: a\n  desc: d\n  condition: evt.type = execve and proc.name = sh\n  output: \"%user.name %proc.aname[2]\"\n  priority: INFO\n"
                + "- rule: b\n  desc: d\n  condition: evt.type = openat and fd.name = /x\n  output: \"%proc.name\"\n  priority: INFO\n");
        CompiledInterest in = c.interest();
        assertArrayEquals(types("execve", "openat"), in.eventTypes());
        List<String> exec = Arrays.stream(in.slotsFor(EventTypes.code("execve"))).mapToObj(s -> in.slots().get(s).text()).sorted().toList();
        assertEquals(List.of("proc.aname[2]", "proc.name", "user.name"), exec);
        List<String> open = Arrays.stream(in.slotsFor(EventTypes.code("openat"))).mapToObj(s -> in.slots().get(s).text()).sorted().toList();
        assertEquals(List.of("fd.name", "proc.name"), open);
        assertEquals(0, in.slotsFor(EventTypes.code("connect")).length);
        assertTrue(in.describe().contains("execve:"));
    }

    @Test
    void constantFolding() {
        assertEquals(new io.peregrine.rules.language.condition.Expr.Const(false),
                RuleCompiler.fold(io.peregrine.rules.language.condition.ConditionParser.parse(
                        io.peregrine.rules.language.loader.PositionedText.at("evt.type = execve and proc.name = x",
                                new io.peregrine.rules.language.loader.SourcePosition("t", 1, 1))), EventTypes.code("openat")));
        var folded = RuleCompiler.fold(io.peregrine.rules.language.condition.ConditionParser.parse(
                io.peregrine.rules.language.loader.PositionedText.at("not not (evt.type = execve and proc.name = x)",
                        new io.peregrine.rules.language.loader.SourcePosition("t", 1, 1))), EventTypes.code("execve"));
        assertTrue(folded instanceof io.peregrine.rules.language.condition.Expr.Check, folded.toString());
        CompiledRuleset c = compile(rule("never", "evt.type = execve and proc.name in ()"));
        assertEquals(0, c.candidates(EventTypes.code("execve")));
    }

    @Test
    void valueIndexAndGuardsKeepResults() {
        // Five execve rules require proc.name values (value index), three share a guard through a
        // macro; results must equal plain evaluation of each condition.
        CompiledRuleset c = compile("""
                - macro: interactive
                  condition: evt.type = execve and proc.tty != 0
                """ + rule("a", "interactive and proc.name in (bash, sh)")
                + rule("b", "interactive and proc.name = zsh and user.name = root")
                + rule("c", "interactive and proc.name in (sh, fish) or evt.type = execve and proc.name = init")
                + rule("d", "evt.type = execve and proc.name in (curl, wget) and not user.name = root")
                + rule("e", "evt.type = execve and proc.name = nc")
                + rule("f", "evt.type = execve and not proc.name in (bash)"));
        assertEquals(List.of("a", "c", "f"), matches(c, event(c, "execve", "proc.name", "sh", "proc.tty", 1L, "user.name", "x")));
        assertEquals(List.of("a"), matches(c, event(c, "execve", "proc.name", "bash", "proc.tty", 1L)));
        assertEquals(List.of("b", "f"), matches(c, event(c, "execve", "proc.name", "zsh", "proc.tty", 1L, "user.name", "root")));
        assertEquals(List.of("c", "f"), matches(c, event(c, "execve", "proc.name", "init", "proc.tty", 0L)));
        assertEquals(List.of("f"), matches(c, event(c, "execve", "proc.name", "sh", "proc.tty", 0L)));
        assertEquals(List.of("d", "f"), matches(c, event(c, "execve", "proc.name", "curl", "user.name", "ann")));
        assertEquals(List.of("e", "f"), matches(c, event(c, "execve", "proc.name", "nc")));
        // No proc.name at all: every rule requiring one is false, and so is 'not proc.name in (...)'s inner check.
        assertEquals(List.of("f"), matches(c, event(c, "execve", "proc.tty", 1L, "user.name", "root")));
    }
}
