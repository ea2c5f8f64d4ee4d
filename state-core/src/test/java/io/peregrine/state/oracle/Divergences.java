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

    static final String MMAP_FD = "mmap's fd: none in sysdig 0.29.3, the mapped fd in current libsinsp";

    /** What an fd field shows on an exit event with no fd (libsinsp: fd -1, guessed kind, empty name). */
    private static final Map<String, String> NO_FD_ON_EXIT = Map.of("fd.num", "-1", "fd.typechar", "o",
            "fd.name", "", "fd.directory", "/");

    static final List<Divergence> ALL = List.of(
            new Divergence("container meta-event: sysdig 0.29.3 gives it a pseudo-thread", false,
                    "psp_privileged.scap", 1405, "proc.name",
                    (f, sv, mv, s, m) -> s.get("evt.type").equals("container")),
            new Divergence("cwd from the execve/clone exit event, which sysdig 0.29.3 ignores in old layouts", false,
                    "cat_write.scap", 131, "proc.cwd",
                    (f, sv, mv, s, m) -> f.equals("proc.cwd") && sv.isEmpty() && mv.endsWith("/")),
            new Divergence("fd kind guessed for open without an fd: 'f' by sysdig 0.29.3, 'o' by current libsinsp", false,
                    "cat_write.scap", 140, "fd.typechar",
                    (f, sv, mv, s, m) -> f.equals("fd.typechar") && s.get("evt.type").equals("open") && sv.equals("f")
                            && mv.equals("o") && m != null && m.get("fd.num").equals("-1")),
            new Divergence("group id beyond 32 bits printed by sysdig 0.29.3", false,
                    "psp_run_as_user_0_container.scap", 26, "group.gid",
                    (f, sv, mv, s, m) -> f.equals("group.gid") && sv.matches("\\d{10,}")
                            && Long.parseLong(sv) > 0xFFFFFFFFL && Long.parseLong(sv) % (1L << 32) == Long.parseLong(mv)),
            new Divergence("client port of a socket that is not an IP client socket: sysdig 0.29.3 prints 0", false,
                    "psp_run_as_user_0_container.scap", 1522, "fd.cport",
                    (f, sv, mv, s, m) -> f.equals("fd.cport") && sv.equals("0") && mv.equals("<NA>")
                            && !s.get("fd.typechar").equals("4") && !s.get("fd.typechar").equals("6")),
            new Divergence("mmap's fd argument typed as an errno by sysdig 0.29.3", false,
                    "psp_run_as_user_0_container.scap", 2320, "evt.arg.fd",
                    (f, sv, mv, s, m) -> f.equals("evt.arg.fd") && MMAP.contains(s.get("evt.type")) && sv.startsWith("E")),
            new Divergence(MMAP_FD, false,
                    "cat_write.scap", 190, "fd.num",
                    (f, sv, mv, s, m) -> f.startsWith("fd.") && sv.equals("<NA>")
                            && (s.get("evt.type").equals("mmap") || s.get("evt.type").equals("mmap2"))),
            new Divergence("system call of unknown ID: sysdig 0.29.3 prints <unknown>, current libsinsp its native number's name", false,
                    "cat_write.scap", 200, "evt.type",
                    (f, sv, mv, s, m) -> f.equals("evt.type") && sv.equals("<unknown>")
                            && (mv.equals("unknown") || io.peregrine.protocol.fields.EventTypes.code(mv) > 0)),
            new Divergence("exit event whose enter precedes the capture: sysdig 0.29.3 keeps the thread's stale last fd", false,
                    "psp_run_as_user_0_container.scap", 1519, "fd.num",
                    (f, sv, mv, s, m) -> f.startsWith("fd.") && s.get("evt.dir").equals("<") && m != null
                            && m.get("fd.num").equals("-1") && !s.get("fd.num").equals("-1")
                            && NO_FD_ON_EXIT.getOrDefault(f, "<NA>").equals(mv)));

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
