package io.peregrine.state.oracle;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays every shared fixture through state and projection and compares, event by event, the
 * values of common fields with what sysdig 0.29.3 prints. A difference fails the test unless it is
 * one of the documented divergences ({@link Divergences}, docs/state.md).
 */
class SysdigOracleTest {

    static final List<String> FIELDS = List.of(
            "evt.type", "evt.dir", "evt.res", "evt.rawres", "evt.failed", "evt.arg.flags", "evt.arg.fd",
            "evt.arg.name", "evt.is_open_read", "evt.is_open_write", "evt.is_io", "evt.is_io_read",
            "evt.is_io_write", "evt.is_wait",
            "proc.name", "proc.pname", "proc.cmdline", "proc.exe", "proc.exepath", "proc.aname[2]",
            "proc.aname[3]", "proc.args", "proc.tty", "proc.cwd", "proc.pid", "proc.ppid", "proc.vpid",
            "proc.sid", "proc.pcmdline", "proc.apid[2]", "thread.tid", "thread.ismain", "thread.vtid",
            "user.name", "user.uid", "user.loginuid", "user.homedir", "user.shell", "group.gid", "group.name",
            "fd.num", "fd.name", "fd.type", "fd.typechar", "fd.directory", "fd.filename", "fd.sip", "fd.sport",
            "fd.cip", "fd.cport", "fd.lip", "fd.rip", "fd.lport", "fd.rport", "fd.l4proto", "fd.sockfamily",
            "fd.is_server", "container.id", "container.name");

    @Test
    void everyFixtureMatchesSysdig() throws Exception {
        assertTrue(FIELDS.size() >= 40);
        Map<String, Integer> unexplained = new TreeMap<>();
        Map<String, Integer> explained = new TreeMap<>();
        StringBuilder examples = new StringBuilder();
        long compared = 0;
        for (Path fixture : ScapFixtures.all()) {
            Map<Long, Map<String, String>> expected = SysdigFields.read(fixture, FIELDS);
            Map<Long, Map<String, String>> actual = Replay.run(fixture, FIELDS);
            for (var e : expected.entrySet()) {
                Map<String, String> mine = actual.get(e.getKey());
                assertTrue(mine != null, fixture.getFileName() + ": event " + e.getKey() + " printed by sysdig was not projected");
                for (String f : FIELDS) {
                    String want = e.getValue().get(f);
                    String got = mine.getOrDefault(f, "<missing>");
                    compared++;
                    if (want.equals(got)) {
                        continue;
                    }
                    String why = Divergences.explain(f, want, got, e.getValue(), mine);
                    if (why != null) {
                        explained.merge(f + " (" + why + ")", 1, Integer::sum);
                        continue;
                    }
                    int seen = unexplained.merge(f, 1, Integer::sum);
                    if (seen <= 3 && examples.length() < 20000) {
                        examples.append(fixture.getFileName()).append(" #").append(e.getKey()).append(' ')
                                .append(e.getValue().get("evt.type")).append(e.getValue().get("evt.dir")).append(' ')
                                .append(f).append(": sysdig '").append(want).append("' peregrine '").append(got)
                                .append("'\n");
                    }
                }
            }
        }
        System.out.println("oracle: " + compared + " values compared; documented divergences: " + explained);
        assertEquals(Map.of(), unexplained, "differences from sysdig 0.29.3 (3 examples per field):\n" + examples);
    }
}
