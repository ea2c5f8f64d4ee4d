package io.peregrine.rules.benchmark;

import io.peregrine.rules.engine.compile.CompiledRule;
import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.compile.RuleCompiler;
import io.peregrine.rules.engine.eval.ArrayFieldValues;
import io.peregrine.rules.engine.eval.FieldValues;
import io.peregrine.rules.language.ruleset.Ruleset;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
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
    /** Events evaluated per benchmark invocation, taken in turn from the pool. */
    static final int BATCH = 256;

    /**
     * Size of the synthetic event pool: 256 stays in the CPU caches (as a batch freshly decoded
     * from the network does); 4096 walks more data than the caches hold.
     */
    @org.openjdk.jmh.annotations.Param({"256", "4096"})
    public int pool;

    private int next;

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
        events = SyntheticEvents.generate(compiled, pool == 0 ? EVENTS : pool, 7);
    }

    /** Events per second through the index and every candidate rule (all matches reported). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public int evaluate() {
        int n = 0;
        int start = next;
        for (int i = 0; i < BATCH; i++) {
            n += compiled.evaluate(events[(start + i) % events.length], false, sink);
        }
        next = (start + BATCH) % events.length;
        return n;
    }

    private int evaluateAll() {
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

    /**
     * The same measurement by thread CPU time rather than wall time, for a machine shared with
     * other work (where JMH's wall-clock throughput counts time the thread was not running):
     * {@code java -cp ... io.peregrine.rules.benchmark.RulesEngineBenchmark [rounds]}.
     */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        RulesEngineBenchmark b = new RulesEngineBenchmark();
        b.setup();
        // -Devents=N: a smaller set stays in the CPU caches, as a freshly decoded batch does.
        int n = Integer.getInteger("events", EVENTS);
        b.events = SyntheticEvents.generate(b.compiled, n, 7);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 5; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            RuleCompiler.compile(b.ruleset);
            System.out.printf("compile: %.1f ms cpu%n", (mx.getCurrentThreadCpuTime() - c0) / 1e6);
        }
        int per = 300 * EVENTS / n;
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            int matched = 0;
            for (int k = 0; k < per; k++) {
                matched += b.evaluateAll();
            }
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / (double) (per * n);
            double wall = (System.nanoTime() - w0) / (double) (per * n);
            System.out.printf("round %d: %.0f ns/event cpu (%.2fM events/s per core), %.0f ns wall, %.3f matches/event%n",
                    r, cpu, 1e3 / cpu, wall, matched / (double) (per * n));
        }
    }
}
