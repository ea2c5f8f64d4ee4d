package io.peregrine.rules.engine.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.protocol.alert.Priority;
import io.peregrine.rules.engine.eval.ArrayFieldValues;
import io.peregrine.rules.engine.output.AlertFactory;
import io.peregrine.rules.language.ruleset.Ruleset;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The upstream Falco rule files load unmodified, with Falco's counts.
 *
 * <p>"Alone": at the pinned upstream commit each file is self-contained — incubating and sandbox
 * repeat the macros and lists they use from falco_rules.yaml (e.g. {@code spawned_process},
 * {@code open_write}, {@code shell_binaries}) — so Falco loads each one by itself
 * ({@code falco -r FILE}) without error, and so must we: the test compiles each file alone, with
 * every rule (disabled ones included) parsed, expanded and type-checked. Loaded together in
 * Falco's order the repeated definitions replace each other, rule names do not collide, and the
 * totals are the sums. Counts are Falco's: every rule item is a rule; "enabled" excludes the
 * sandbox rules written with {@code enabled: false}.
 */
class UpstreamRulesTest {

    private static Ruleset load(String... files) {
        RulesetBuilder b = new RulesetBuilder();
        for (String f : files) {
            b.add(f, UpstreamRules.read(f));
        }
        return b.build();
    }

    private static void expect(int rules, int enabled, String... files) {
        Ruleset rs = load(files);
        assertEquals(rules, rs.rules().size(), String.join(",", files));
        assertEquals(enabled, rs.enabledCount(), String.join(",", files));
        CompiledRuleset c = RuleCompiler.compile(rs);
        assertEquals(enabled, c.rules().size(), "every enabled rule compiles: " + String.join(",", files));
        // Every rule of the files, enabled or not, compiles too.
        assertEquals(rules, RuleCompiler.compile(rs.allEnabled()).rules().size());
    }

    @Test
    void stableAlone() {
        expect(25, 25, UpstreamRules.STABLE);
    }

    @Test
    void incubatingAlone() {
        expect(31, 31, UpstreamRules.INCUBATING);
    }

    @Test
    void sandboxAlone() {
        expect(37, 25, UpstreamRules.SANDBOX);
    }

    @Test
    void allThreeInFalcosOrder() {
        expect(25 + 31 + 37, 25 + 31 + 25, UpstreamRules.STABLE, UpstreamRules.INCUBATING, UpstreamRules.SANDBOX);
        Ruleset rs = load(UpstreamRules.STABLE);
        assertEquals(87, rs.macros().size());
        assertEquals(49, rs.lists().size());
    }

    @Test
    void everyUpstreamRuleRestrictsEventTypes() {
        CompiledRuleset c = RuleCompiler.compile(load(UpstreamRules.STABLE, UpstreamRules.INCUBATING,
                UpstreamRules.SANDBOX).allEnabled());
        assertTrue(c.warnings().stream().noneMatch(w -> w.contains("does not restrict evt.type")), c.warnings().toString());
        assertTrue(c.interest().eventTypes().length < 60, "index narrows the event types");
    }

    @Test
    void terminalShellInContainerFires() {
        CompiledRuleset c = RuleCompiler.compile(load(UpstreamRules.STABLE));
        ArrayFieldValues ev = RuleTesting.event(c, "execve",
                "proc.name", "bash", "container.id", "3ad7b26ded6d", "proc.tty", 34816L, "evt.num", 42L,
                "user.name", "root", "user.uid", 0L, "user.loginuid", -1L, "proc.exepath", "/usr/bin/bash",
                "proc.cmdline", "bash", "evt.arg.flags", "EXE_WRITABLE");
        List<CompiledRule> hits = new ArrayList<>();
        c.evaluate(ev, false, (r, e) -> hits.add(r));
        assertEquals(List.of("Terminal shell in container"), hits.stream().map(CompiledRule::name).toList());
        Alert a = new AlertFactory("node-1").create(hits.get(0).name(), hits.get(0).priority(), hits.get(0).tags(),
                hits.get(0).source(), hits.get(0).output(), ev);
        assertEquals(Priority.NOTICE, a.priority());
        assertEquals("22:13:20.123456789: Notice A shell was spawned in a container with an attached terminal | "
                + "evt_type=execve user=root user_uid=0 user_loginuid=-1 process=bash proc_exepath=/usr/bin/bash "
                + "parent=<NA> command=bash terminal=34816 exe_flags=EXE_WRITABLE", a.output());
        assertEquals(null, a.outputFields().get("proc.pname"));
        assertEquals(34816L, a.outputFields().get("proc.tty"));
        assertTrue(AlertJson.encode(a).contains("\"tags\":[\"maturity_stable\",\"container\",\"shell\""));
        // The same shell on the host (container.id = host) does not fire.
        ArrayFieldValues host = RuleTesting.event(c, "execve", "proc.name", "bash", "container.id", "host",
                "proc.tty", 34816L, "evt.num", 42L);
        assertEquals(List.of(), RuleTesting.matches(c, host));
    }

    /** The upstream files as Falco loads them, every rule enabled. */
    private static CompiledRuleset allThree() {
        return RuleCompiler.compile(load(UpstreamRules.STABLE, UpstreamRules.INCUBATING, UpstreamRules.SANDBOX).allEnabled());
    }

    private static long[] address(String text) {
        return new long[] {io.peregrine.rules.engine.eval.IpAddress.high(text),
                io.peregrine.rules.engine.eval.IpAddress.low(text)};
    }

    @Test
    void k8sApiServerByTheServiceName() {
        CompiledRuleset c = allThree();
        assertTrue(c.names().names().contains("kubernetes.default.svc.cluster.local"), c.names().names().toString());
        Object[] connect = {"container.id", "3ad7b26ded6d", "fd.typechar", "4", "fd.sip", "10.96.0.1",
                "fd.sport", 443L, "container.image.repository", "docker.io/library/debian", "k8s.ns.name", "default"};
        String rule = "Contact K8S API Server From Container";
        assertFalse(RuleTesting.matches(c, RuleTesting.event(c, "connect", connect)).contains(rule),
                "the name not resolved yet: no address matches");
        c.names().set("kubernetes.default.svc.cluster.local", address("10.96.0.1"));
        assertTrue(RuleTesting.matches(c, RuleTesting.event(c, "connect", connect)).contains(rule));
        Object[] elsewhere = connect.clone();
        elsewhere[5] = "10.96.0.2";
        assertFalse(RuleTesting.matches(c, RuleTesting.event(c, "connect", elsewhere)).contains(rule));
    }

    @Test
    void minerPoolByTheListedDomains() {
        CompiledRuleset c = allThree();
        assertTrue(c.names().size() > 50, "the miner domain lists are registered: " + c.names().size());
        c.names().set("ca.minexmr.com", address("198.51.100.8"));
        String rule = "Detect outbound connections to common miner pool ports";
        Object[] connect = {"container.id", "3ad7b26ded6d", "fd.sip", "198.51.100.8", "fd.net", "198.51.100.8",
                "fd.snet", "198.51.100.8", "fd.sport", 3333L, "container.image.repository", "docker.io/library/debian"};
        assertTrue(RuleTesting.matches(c, RuleTesting.event(c, "connect", connect)).contains(rule));
        Object[] otherPort = connect.clone();
        otherPort[9] = 3332L;
        assertFalse(RuleTesting.matches(c, RuleTesting.event(c, "connect", otherPort)).contains(rule));
    }

    @Test
    void privilegedContainerDeviceAccess() {
        CompiledRuleset c = allThree();
        List<String> hits = RuleTesting.matches(c, RuleTesting.event(c, "openat", "container.id", "3ad7b26ded6d",
                "fd.name", "/dev/vda", "fd.typechar", "f", "evt.is_open_read", true, "fd.num", 0L,
                "proc.name", "dd", "container.image.repository", "docker.io/library/debian"));
        assertTrue(hits.contains("Privileged Container Device Access"), hits.toString());
    }
}
