package io.peregrine.state.oracle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The differential harness: every event sysdig 0.29.3 prints for every shared capture, compared
 * cell by cell with what Peregrine's state core projects for it (an event Peregrine does not
 * project differs in every cell). Prints the agreement per capture and per field and writes it to
 * {@code target/sysdig-agreement.txt}. Fails when fewer than 99.5 % of the cells agree, when a
 * difference is not one of the named divergences ({@link Divergences}, docs/state.md), or when a
 * divergence no longer explains its pinned example.
 */
class SysdigOracleTest {

    /** The fields the harness must cover (issue "Trustworthy events"). */
    static final List<String> REQUIRED = List.of(
            "evt.num", "evt.type", "evt.dir", "evt.res", "evt.rawres", "evt.is_open_read", "evt.is_open_write",
            "evt.arg.fd", "evt.arg.name", "evt.arg.flags", "proc.name", "proc.pid", "proc.ppid", "proc.pname",
            "proc.exe", "proc.exepath", "proc.args", "proc.cmdline", "proc.cwd", "proc.tty", "proc.aname[2]",
            "proc.aname[3]", "proc.pcmdline", "proc.sname", "thread.tid", "user.uid", "user.name", "user.loginuid",
            "group.gid", "group.name", "fd.num", "fd.type", "fd.typechar", "fd.name", "fd.directory", "fd.filename",
            "fd.l4proto", "fd.sip", "fd.sport", "fd.cip", "fd.cport", "fd.lip", "fd.rip", "container.id",
            "container.image.repository", "container.privileged");

    /** Further fields the state computes, compared as well. */
    static final List<String> MORE = List.of(
            "evt.failed", "evt.is_io", "evt.is_io_read", "evt.is_io_write", "evt.is_wait", "proc.vpid", "proc.sid",
            "proc.apid[2]", "thread.ismain", "thread.vtid", "user.homedir", "user.shell", "fd.lport", "fd.rport",
            "fd.sockfamily", "fd.is_server", "container.name");

    static final List<String> FIELDS;

    static {
        Set<String> all = new LinkedHashSet<>(REQUIRED);
        all.addAll(MORE);
        FIELDS = List.copyOf(all);
    }

    static final double BAR = 99.5;

    /** What sysdig printed and what Peregrine projected, per capture and event number. */
    record Capture(String name, Map<Long, Map<String, String>> sysdig, Map<Long, Map<String, String>> mine) {
    }

    static final String NOT_PROJECTED = "<not projected>";

    static List<Capture> captures() throws Exception {
        List<Capture> out = new ArrayList<>();
        for (Path fixture : ScapFixtures.all()) {
            out.add(new Capture(fixture.getFileName().toString(), SysdigFields.read(fixture, FIELDS),
                    Replay.run(fixture, FIELDS)));
        }
        return out;
    }

    static String mine(Capture c, long num, String field) {
        Map<String, String> m = c.mine().get(num);
        if (m == null) {
            return NOT_PROJECTED;
        }
        if (field.equals("evt.num")) {
            return Long.toString(num);
        }
        return m.getOrDefault(field, "<missing>");
    }

    @Test
    void everyCaptureAgreesWithSysdig() throws Exception {
        List<Capture> captures = captures();
        AgreementTable table = new AgreementTable();
        Map<String, Integer> unexplained = new TreeMap<>();
        Map<String, String> pinned = new TreeMap<>();
        StringBuilder examples = new StringBuilder();
        for (Capture c : captures) {
            table.eventsPerCapture.put(c.name(), (long) c.sysdig().size());
            for (var e : c.sysdig().entrySet()) {
                Map<String, String> mine = c.mine().get(e.getKey());
                for (String f : FIELDS) {
                    String want = e.getValue().get(f);
                    String got = mine(c, e.getKey(), f);
                    boolean equal = want.equals(got);
                    String why = equal ? null : Divergences.explain(f, want, got, e.getValue(), mine);
                    table.add(c.name(), e.getKey(), f, equal, why);
                    for (Divergences.Divergence d : Divergences.ALL) {
                        if (d.pinCapture().equals(c.name()) && d.pinNum() == e.getKey() && d.pinField().equals(f)) {
                            pinned.put(d.name(), why == null ? "equal or unexplained: sysdig '" + want + "' peregrine '"
                                    + got + "'" : why);
                        }
                    }
                    if (!equal && why == null && unexplained.merge(f, 1, Integer::sum) <= 3) {
                        examples.append(c.name()).append(" #").append(e.getKey()).append(' ')
                                .append(e.getValue().get("evt.type")).append(e.getValue().get("evt.dir")).append(' ')
                                .append(f).append(": sysdig '").append(want).append("' peregrine '").append(got)
                                .append("'\n");
                    }
                }
            }
        }
        String text = table.render();
        System.out.println(text);
        Path out = Path.of("target", "sysdig-agreement.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        assertTrue(table.total.cells > 100_000, "too few cells compared to prove anything: " + table.total.cells);
        assertEquals(Map.of(), unexplained, "differences from sysdig 0.29.3 (3 examples per field):\n" + examples);
        for (Divergences.Divergence d : Divergences.ALL) {
            assertEquals(d.name(), pinned.get(d.name()), "divergence no longer explains its pinned cell "
                    + d.pinCapture() + " #" + d.pinNum() + " " + d.pinField());
        }
        assertTrue(table.total.percent() >= BAR, "agreement " + table.total.percent() + " % is below " + BAR + " %");
    }
}
