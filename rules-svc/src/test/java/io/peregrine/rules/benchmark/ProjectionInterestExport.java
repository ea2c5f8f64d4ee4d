package io.peregrine.rules.benchmark;

import io.peregrine.protocol.interest.Interest;
import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.compile.RuleCompiler;
import io.peregrine.rules.language.ruleset.Ruleset;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
import io.peregrine.rules.management.defaults.DefaultRules;
import io.peregrine.rules.runtime.live.InterestOfRuleset;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measurement main (not a test): writes the interest of the default rules plus the three upstream
 * Falco files, as rules-svc publishes it, to a file, for state-svc's {@code ProjectionSizeBench}.
 * Run: see docs/benchmarks.md ("Projected bytes per event").
 */
public final class ProjectionInterestExport {

    private ProjectionInterestExport() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/peregrine-interest.bin");
        RulesetBuilder b = new RulesetBuilder();
        b.add(DefaultRules.FILE, DefaultRules.text());
        for (String f : RulesEngineBenchmark.FILES) {
            b.add(f, Files.readString(RulesEngineBenchmark.rulesDir().resolve(f)));
        }
        Ruleset rules = b.build();
        CompiledRuleset compiled = RuleCompiler.compile(rules);
        Interest interest = InterestOfRuleset.of(compiled.interest());
        Files.write(out, interest.encode());
        var openat = interest.fieldsByType().get("openat");
        System.out.printf("%d rules, %d enabled, %d compiled; interest: %d event types (all types: %s), "
                        + "openat reads %d fields; written to %s%n", rules.rules().size(), rules.enabledCount(),
                compiled.rules().size(), interest.fieldsByType().size(), interest.allTypes(),
                openat == null ? 0 : openat.size(), out);
    }
}
