package io.peregrine.rules.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.compile.RuleCompiler;
import io.peregrine.rules.engine.eval.ArrayFieldValues;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Evaluation allocates nothing per event: the bytes this thread allocates while evaluating many
 * synthetic events against all upstream rules stay near zero (a count, not a timing).
 */
class EvaluationAllocationTest {

    @Test
    void evaluationDoesNotAllocatePerEvent() throws Exception {
        String[] texts = new String[RulesEngineBenchmark.FILES.length];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = Files.readString(RulesEngineBenchmark.rulesDir().resolve(RulesEngineBenchmark.FILES[i]));
        }
        CompiledRuleset c = RuleCompiler.compile(RulesEngineBenchmark.load(texts));
        ArrayFieldValues[] events = SyntheticEvents.generate(c, 2048, 11);
        int[] matched = new int[1];
        CompiledRuleset.MatchSink sink = (r, e) -> matched[0]++;
        for (int round = 0; round < 20; round++) {
            for (ArrayFieldValues e : events) {
                c.evaluate(e, false, sink);
            }
        }
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = mx.getThreadAllocatedBytes(tid);
        int rounds = 50;
        for (int round = 0; round < rounds; round++) {
            for (ArrayFieldValues e : events) {
                c.evaluate(e, false, sink);
            }
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        long evaluated = (long) rounds * events.length;
        assertTrue(matched[0] > 0, "the synthetic mix matches some rules");
        assertTrue(allocated < evaluated / 4, allocated + " bytes allocated for " + evaluated + " events");
    }
}
