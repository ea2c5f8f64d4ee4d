package io.peregrine.rules.benchmark;

import io.peregrine.rules.compile.CompiledRule;
import io.peregrine.rules.compile.CompiledRuleset;
import io.peregrine.rules.compile.RuleCompiler;
import io.peregrine.rules.eval.ArrayFieldValues;
import io.peregrine.rules.eval.FieldValues;
import io.peregrine.rules.ruleset.Ruleset;
import io.peregrine.rules.ruleset.RulesetBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rules engine throughput and compile time with the three upstream Falco files loaded and every
 * rule enabled. Command and results: docs/benchmarks.md ("Rules engine").
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RulesEngineBenchmark {

    static final int EVENTS = 4096;

    private String[] texts;
    private Ruleset ruleset;
    private CompiledRuleset compiled;
    private ArrayFieldValues[] events;
    private final CompiledRuleset.MatchSink sink = RulesEngineBenchmark::ignore;

    private static void ignore(CompiledRule r, FieldValues e) {
    }

    static final String[] FILES = {"falco_rules.yaml", "falco-incubating_rules.yaml", "falco-sandbox_rules.yaml"};

    static Path rulesDir() {
        String env = System.getenv("PEREGRINE_SHARED");
        for (Path p : new Path[] {env == null ? null : Path.of(env, "falco-rules"), Path.of("../../shared/falco-rules"),
                Path.of("../shared/falco-rules")}) {
            if (p != null && Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("upstream rules not found: set PEREGRINE_SHARED");
    }

    static Ruleset load(String[] texts) {
        RulesetBuilder b = new RulesetBuilder();
        for (int i = 0; i < FILES.length; i++) {
            b.add(FILES[i], texts[i]);
        }
        return b.build().allEnabled();
    }

    @Setup
    public void setup() throws IOException {
        texts = new String[FILES.length];
        for (int i = 0; i < FILES.length; i++) {
            texts[i] = Files.readString(rulesDir().resolve(FILES[i]));
        }
        ruleset = load(texts);
        compiled = RuleCompiler.compile(ruleset);
        events = SyntheticEvents.generate(compiled, EVENTS, 7);
    }

    /** Events per second through the index and every candidate rule (all matches reported). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS)
    public int evaluate() {
        int n = 0;
        for (ArrayFieldValues e : events) {
            n += compiled.evaluate(e, false, sink);
        }
        return n;
    }

    /** Compiling the merged ruleset (parse, expand, type-check, index, matchers). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CompiledRuleset compile() {
        return RuleCompiler.compile(ruleset);
    }

    /** From the files' text: YAML, merging, then compile. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CompiledRuleset loadAndCompile() {
        return RuleCompiler.compile(load(texts));
    }
}
