package io.peregrine.driver.scap;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The process list of each fixture, read as seed events, holds what sysdig knows of a thread before
 * the events change it: for the first event sysdig prints for a thread, its pid, command, exe, cwd
 * and uid come from our seed, and a thread without a seed is unknown to sysdig too.
 */
class ScapSeedsMatchSysdigTest {
    /** Events that change the thread's identity as sysdig parses them. */
    static final Set<String> CHANGES_THREAD = Set.of("execve", "execveat", "clone", "clone3", "fork", "vfork",
            "procexit", "chdir", "fchdir", "setuid", "setresuid", "setreuid", "container", "switch", "signaldeliver");

    record Seed(long pid, String comm, String exe, String cwd, long uid) {
    }

    @TestFactory
    List<DynamicTest> firstEventOfEachThreadShowsItsSeed() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        int[] compared = {0};
        for (Fixtures.Fixture fx : Fixtures.all()) {
            tests.add(DynamicTest.dynamicTest(fx.name(), () -> {
                Map<Long, Seed> seeds = new HashMap<>();
                try (ScapReader r = ScapReader.open(fx.path())) {
                    r.drain(e -> {
                        if (e.type() == EventCodes.PEREGRINE_SEED_THREAD_E) {
                            seeds.put(e.i64(0), new Seed(e.i64(1), e.string(6), e.string(7), e.string(11), e.u32(16)));
                        }
                    });
                }
                List<String[]> rows = SysdigReference.fields(fx.path(), "%evt.type", "%thread.tid", "%proc.pid",
                        "%proc.name", "%proc.exe", "%proc.cwd", "%user.uid");
                Set<Long> seen = new HashSet<>();
                int checked = 0;
                for (String[] row : rows) {
                    long tid = Long.parseLong(row[1]);
                    if (!seen.add(tid) || CHANGES_THREAD.contains(row[0]) || tid < 0) {
                        continue;
                    }
                    Seed s = seeds.get(tid);
                    String where = fx.name() + " tid " + tid + " (" + row[0] + ")";
                    if (s == null) {
                        assertEquals("<NA>", row[3], where + ": not in the process list, unknown to sysdig");
                        continue;
                    }
                    assertEquals(Long.toString(s.pid()), row[2], where + " pid");
                    assertEquals(s.comm(), row[3], where + " comm");
                    assertEquals(s.exe(), row[4], where + " exe");
                    String cwd = s.cwd().endsWith("/") ? s.cwd() : s.cwd() + "/";
                    assertTrue(row[5].equals(s.cwd()) || row[5].equals(cwd), where + " cwd " + row[5] + " vs " + s.cwd());
                    assertEquals(Long.toString(s.uid()), row[6], where + " uid");
                    checked++;
                }
                compared[0] += checked;
            }));
        }
        tests.add(DynamicTest.dynamicTest("threads were compared", () ->
                assertTrue(compared[0] >= 30, "threads compared with their seeds: " + compared[0])));
        return tests;
    }
}
