package io.peregrine.driver.scap;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every shared .scap fixture decodes to exactly the events sysdig 0.29.3 prints for it. */
class ScapSysdigComparisonTest {

    @TestFactory
    List<DynamicTest> everyFixtureMatchesSysdig() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Fixtures.Fixture fx : Fixtures.all()) {
            tests.add(DynamicTest.dynamicTest(fx.name(), () -> {
                List<SysdigReference.Line> sysdig = SysdigReference.read(fx.path());
                List<Decoded> seeds = new ArrayList<>();
                List<Decoded> mine;
                try (ScapReader r = ScapReader.open(fx.path())) {
                    mine = Decoded.readAll(r, r::eventNumber, seeds);
                    assertEquals(0, r.eventsSkipped(), "events skipped in " + fx.name());
                }
                List<Decoded> shown = SysdigComparison.displayed(mine);
                List<String> diffs = SysdigComparison.compare(shown, sysdig, true);
                assertTrue(diffs.isEmpty(), fx.name() + ":\n" + String.join("\n", diffs));
                assertTrue(!shown.isEmpty(), "sysdig prints events for " + fx.name());
                assertTrue(!seeds.isEmpty(), "the process and fd lists become seed events");
            }));
        }
        return tests;
    }
}
