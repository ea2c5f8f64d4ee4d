package io.peregrine.rules.benchmark;

import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.compile.RuleCompiler;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
import io.peregrine.rules.management.defaults.DefaultRules;
import io.peregrine.rules.trial.CaptureReplay;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How fast POST /api/v1/test/capture replays a file: the default ruleset over one capture, N times
 * in a row, after as many rounds of warm-up. Not a test (no timed assertions); run by hand:
 *
 * <pre>
 * ./mvnw -B -q -o -pl rules-svc -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/rules-cp.txt -Dmdep.includeScope=test
 * java -cp rules-svc/target/test-classes:rules-svc/target/classes:$(cat /tmp/rules-cp.txt) \
 *   io.peregrine.rules.benchmark.CaptureReplayBenchmark ../shared/fixtures/scap/psp_run_as_user_0_container.scap 50
 * </pre>
 */
public final class CaptureReplayBenchmark {

    private CaptureReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CompiledRuleset rules = RuleCompiler.compile(new RulesetBuilder().add(DefaultRules.FILE, DefaultRules.text()).build());
        byte[] file = Files.readAllBytes(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        for (String phase : new String[] {"warm-up", "measured"}) {
            long records = 0;
            CaptureReplay.Result r = null;
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                r = CaptureReplay.run(new ByteArrayInputStream(file), Long.MAX_VALUE, rules, 1000);
                records += r.events() + r.seeds();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s: %d replays, %d records (events and seeds), %.3f s, %.0f records/s, %.1f ms per replay;"
                    + " last: %d projected, %d matches%n", phase, rounds, records, s, records / s, s * 1000 / rounds,
                    r.projected(), r.matchCount());
        }
    }
}
