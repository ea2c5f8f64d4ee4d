package io.peregrine.rules.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.compile.RuleCompiler;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
import io.peregrine.rules.management.api.CaptureTrialTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The limits and the broken-gzip path of the replay, without the HTTP shell. */
class CaptureReplayTest {

    static final CompiledRuleset RULES = RuleCompiler.compile(new RulesetBuilder().add("t.yaml",
            CaptureTrialTest.rule("tmp files", CaptureTrialTest.OPEN_TMP_FILES, "%fd.name")).build());

    @Test
    void aBodyOverTheLimitIsRefused() throws IOException {
        byte[] gz = CaptureTrialTest.fixture("open-multiple-files.scap");
        CaptureReplay.TooLarge e = assertThrows(CaptureReplay.TooLarge.class,
                () -> CaptureReplay.run(new ByteArrayInputStream(gz), gz.length - 1, RULES, 10));
        assertTrue(e.getMessage().contains("larger than " + (gz.length - 1)), e.getMessage());
    }

    @Test
    void aSmallGzipThatExpandsBeyondItsShareIsRefused() throws IOException {
        byte[] gz = CaptureTrialTest.fixture("open-multiple-files.scap");
        int plain = CaptureTrialTest.gunzip(gz).length;
        // The body fits, what it decompresses to does not (more than MAX_EXPANSION times the limit).
        long limit = plain / CaptureReplay.MAX_EXPANSION - 1;
        assertTrue(limit >= gz.length, "the fixture compresses too well for this test");
        CaptureReplay.TooLarge e = assertThrows(CaptureReplay.TooLarge.class,
                () -> CaptureReplay.run(new ByteArrayInputStream(gz), limit, RULES, 10));
        assertTrue(e.getMessage().contains("decompresses to more than"), e.getMessage());
    }

    @Test
    void aGzipStreamCutShortKeepsTheMatchesBeforeTheCut() throws IOException {
        byte[] gz = CaptureTrialTest.fixture("open-multiple-files.scap");
        CaptureReplay.Result whole = CaptureReplay.run(new ByteArrayInputStream(gz), Long.MAX_VALUE, RULES, 100);
        assertEquals(CaptureTrialTest.OPEN_TMP_FILES_EVENTS.size(), whole.matches().size());
        byte[] cut = Arrays.copyOf(gz, gz.length - 200);
        CaptureReplay.Result r = CaptureReplay.run(new ByteArrayInputStream(cut), Long.MAX_VALUE, RULES, 100);
        assertNotNull(r.error(), "a cut gzip stream must be reported");
        assertTrue(r.error().message().contains("compressed stream is truncated or corrupt"), r.error().toString());
        assertTrue(r.error().offset() > 0, r.error().toString());
        // Whatever was decompressed before the cut was replayed: a prefix of the whole file's matches.
        assertEquals(whole.matches().subList(0, r.matches().size()), r.matches());
        // 200 compressed bytes off the end lose only the last events (1232 of 1272), after the last match.
        assertTrue(r.events() > 1000 && r.events() < whole.events(), r.events() + " of " + whole.events());
        assertEquals(whole.matches(), r.matches());
    }
}
