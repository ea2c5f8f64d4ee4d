package io.peregrine.state.oracle;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named differences from sysdig 0.29.3, each listed in docs/state.md ("Field differences from
 * sysdig 0.29.3") with its reason. A rule is narrow: it names the field, the event kind and both
 * values it excuses; anything else is a bug and fails the oracle. Each carries one pinned cell
 * (capture, event number, field) that it must explain, so a rule that stops matching fails too.
 * Rules marked {@code gap} are not deliberate: they name what Peregrine does not do yet.
 */
final class Divergences {
    private Divergences() {
    }

    interface Rule {
        boolean test(String field, String sysdig, String mine, Map<String, String> s, Map<String, String> m);
    }

    record Divergence(String name, boolean gap, String pinCapture, long pinNum, String pinField, Rule rule) {
    }

    private static final Set<String> MMAP = Set.of("mmap", "mmap2", "munmap");

    static final List<Divergence> ALL = List.of(
            new Divergence("container meta-event: sysdig 0.29.3 gives it a pseudo-thread", false,
                    "psp_privileged.scap", 1405, "proc.name",
                    (f, sv, mv, s, m) -> s.get("evt.type").equals("container")),
            new Divergence("cwd from the execve/clone exit event, which sysdig 0.29.3 ignores in old layouts", false,
                    "cat_write.scap", 131, "proc.cwd",
                    (f, sv, mv, s, m) -> f.equals("proc.cwd") && sv.isEmpty() && mv.endsWith("/")),
            new Divergence("enter event of an fd-creating call: no fd yet", false,
                    "cat_write.scap", 140, "fd.num",
                    (f, sv, mv, s, m) -> s.get("evt.dir").equals(">") && (f.equals("fd.num") || f.equals("fd.typechar"))
                            && mv.equals("<NA>")),
            new Divergence("group id beyond 32 bits printed by sysdig 0.29.3", false,
                    "psp_run_as_user_0_container.scap", 26, "group.gid",
                    (f, sv, mv, s, m) -> f.equals("group.gid") && sv.matches("\\d{10,}")
                            && Long.parseLong(sv) > 0xFFFFFFFFL && Long.parseLong(sv) % (1L << 32) == Long.parseLong(mv)),
            new Divergence("fd never seen opened: sysdig 0.29.3 shows a placeholder entry of unknown kind", false,
                    "cat_write.scap", 195, "fd.typechar",
                    (f, sv, mv, s, m) -> f.startsWith("fd.") && mv.equals("<NA>") && s.get("fd.typechar").equals("o")),
            new Divergence("client port of a socket whose client side is unknown: sysdig 0.29.3 prints 0", false,
                    "psp_run_as_user_0_container.scap", 1522, "fd.cport",
                    (f, sv, mv, s, m) -> f.equals("fd.cport") && sv.equals("0") && mv.equals("<NA>")),
            new Divergence("mmap's fd argument typed as an errno by sysdig 0.29.3", false,
                    "psp_run_as_user_0_container.scap", 2320, "evt.arg.fd",
                    (f, sv, mv, s, m) -> f.equals("evt.arg.fd") && MMAP.contains(s.get("evt.type")) && sv.startsWith("E")),
            new Divergence("relative path argument shown as passed", false,
                    "psp_run_as_user_0_container.scap", 2735, "evt.arg.name",
                    (f, sv, mv, s, m) -> f.equals("evt.arg.name") && mv.equals(".")),
            new Divergence("exit event whose enter precedes the capture: sysdig still names an fd", true,
                    "psp_run_as_user_0_container.scap", 976, "fd.num",
                    (f, sv, mv, s, m) -> f.startsWith("fd.") && mv.equals("<NA>") && s.get("evt.dir").equals("<")
                            && m != null && m.get("fd.num").equals("<NA>") && !s.get("fd.num").equals("<NA>")),
            new Divergence("executable path after an execve whose enter precedes the capture", true,
                    "psp_run_as_user_0_container.scap", 2183, "proc.exepath",
                    (f, sv, mv, s, m) -> f.equals("proc.exepath") && mv.isEmpty() && sv.startsWith("/")),
            new Divergence("connect to a local listening port marked as server by sysdig 0.29.3", true,
                    "connect_localhost.scap", 187, "fd.is_server",
                    (f, sv, mv, s, m) -> f.equals("fd.is_server") && s.get("evt.type").equals("connect")));

    /** The name of the divergence that explains this difference, or null. */
    static String explain(String field, String sysdig, String mine, Map<String, String> s, Map<String, String> m) {
        for (Divergence d : ALL) {
            if (d.rule().test(field, sysdig, mine, s, m)) {
                return d.name();
            }
        }
        return null;
    }
}
