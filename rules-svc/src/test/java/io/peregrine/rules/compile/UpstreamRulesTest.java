package io.peregrine.rules.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.peregrine.rules.ruleset.Ruleset;
import io.peregrine.rules.ruleset.RulesetBuilder;
import org.junit.jupiter.api.Test;

class UpstreamRulesTest {

    private static Ruleset load(String... files) {
        RulesetBuilder b = new RulesetBuilder();
        for (String f : files) {
            b.add(f, UpstreamRules.read(f));
        }
        return b.build();
    }

    @Test
    void probe() {
        for (String[] set : new String[][] {{UpstreamRules.STABLE}, {UpstreamRules.INCUBATING}, {UpstreamRules.SANDBOX},
                {UpstreamRules.STABLE, UpstreamRules.INCUBATING, UpstreamRules.SANDBOX}}) {
            Ruleset rs = load(set);
            CompiledRuleset c = RuleCompiler.compile(rs);
            System.out.println(String.join(",", set) + ": rules=" + rs.rules().size() + " enabled=" + rs.enabledCount()
                    + " compiled=" + c.rules().size() + " slots=" + c.slots().size() + " types=" + c.interest().eventTypes().length);
            c.warnings().stream().filter(w -> !w.contains("is not used")).forEach(w -> System.out.println("  W " + w));
        }
    }
}
