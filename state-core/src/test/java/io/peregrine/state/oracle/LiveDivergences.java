package io.peregrine.state.oracle;

import io.peregrine.driver.bpf.Syscall;
import io.peregrine.protocol.event.EventDirection;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.scap.SysdigLegacyParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Differences from sysdig 0.29.3 that only a live capture shows: its events are in the current
 * layouts (which sysdig 0.29.3 reads only up to its older parameter lists) and come without the
 * enter events the probe does not record. Consulted after {@link Divergences}; listed in
 * docs/state.md ("Field differences from sysdig 0.29.3", live capture) with their reasons: each is
 * something sysdig 0.29.3 does that current libsinsp no longer does, and Peregrine does as current
 * libsinsp (pinned by {@code LiveDivergencePinsTest}, which feeds the state core the events that
 * show it). A live capture differs from run to run, so no rule is pinned to a cell of it.
 */
final class LiveDivergences {
    private LiveDivergences() {
    }

    /** sysdig 0.29.3 updates the fd at connect's enter event; current libsinsp only at the exit. */
    static final String CONNECT_ENTER = "fd set from connect's enter event by sysdig 0.29.3 (current libsinsp"
            + " reads the enter event only at the exit, and a failed connect changes nothing)";

    static final String NEWER_PARAM = "parameter newer than sysdig 0.29.3's table: it has no such argument";

    /**
     * Divergences that are not comparisons: sysdig 0.29.3's event table has no such parameter, or
     * no fd use for the call, so it cannot show the value at all.
     */
    static final List<String> INEXPRESSIBLE = List.of(NEWER_PARAM, Divergences.MMAP_FD);

    static final List<Divergences.Divergence> ALL = List.of(
            new Divergences.Divergence(NEWER_PARAM, false,
                    null, 0, null,
                    (f, sv, mv, s, m) -> f.startsWith("evt.arg.") && sv.equals("<NA>")
                            && newerParam(s, f.substring("evt.arg.".length()))),
            new Divergences.Divergence("exit event recorded without an enter event: sysdig 0.29.3 takes the fd from"
                    + " the thread's last enter event, current libsinsp from the exit event", false, null, 0, null,
                    (f, sv, mv, s, m) -> f.startsWith("fd.") && s.get("evt.dir").equals("<") && exitOnly(s)
                            && m != null && !s.get("fd.num").equals(m.get("fd.num"))),
            new Divergences.Divergence("empty path argument (unreadable at sys_enter): sysdig 0.29.3 prints the"
                    + " dirfd or the cwd", false, null, 0, null,
                    (f, sv, mv, s, m) -> f.equals("evt.arg.name") && mv.isEmpty()
                            && (sv.matches("-?\\d+") || sv.equals(s.get("proc.cwd").replaceAll("(.)/$", "$1")))),
            new Divergences.Divergence("executable path: the kernel's (as current libsinsp has it from the execve"
                    + " exit), sysdig 0.29.3 shows the path as passed to execve", false, null, 0, null,
                    (f, sv, mv, s, m) -> f.equals("proc.exepath") && !sv.equals(mv) && sv.startsWith("/")
                            && realPath(sv).equals(mv)),
            new Divergences.Divergence(CONNECT_ENTER + ": a unix socket named there by the address it asks for"
                    + " (and kept when the connect fails)", false, null, 0, null,
                    (f, sv, mv, s, m) -> (f.equals("fd.name") && mv.isEmpty()
                            && (sv.startsWith("/") || sv.equals("NULL")))
                            || (f.equals("evt.arg.fd") && mv.equals("<u>") && sv.startsWith("<u>/"))),
            new Divergences.Divergence(CONNECT_ENTER + ": an IPv6 socket with an IPv4-mapped peer turned to IPv4"
                    + " there, without its protocol, and named <unknown>", false, null, 0, null,
                    (f, sv, mv, s, m) -> (f.equals("fd.type") && sv.equals("ipv4") && mv.equals("ipv6"))
                            || (f.equals("fd.typechar") && sv.equals("4") && mv.equals("6"))
                            || (f.equals("fd.l4proto") && sv.equals("<NA>") && mv.equals("tcp")
                            && s.get("fd.type").equals("ipv4"))
                            || (f.equals("evt.arg.fd") && sv.equals("<4>") && mv.equals("<6>"))
                            // without the protocol sysdig 0.29.3 cannot name the connection
                            || (f.equals("fd.name") && sv.equals("<unknown>") && s.get("fd.l4proto").equals("<NA>"))
                            || (f.equals("evt.arg.fd") && sv.equals("<4><unknown>") && mv.startsWith("<4t>"))),
            new Divergences.Divergence(CONNECT_ENTER + ": a socket connecting to the machine's own address is a"
                    + " server from the enter event on", false, null, 0, null,
                    (f, sv, mv, s, m) -> f.equals("fd.is_server") && sv.equals("true") && mv.equals("false")
                            && s.get("evt.type").equals("connect") && s.get("evt.dir").equals(">")),
            new Divergences.Divergence("fd made by a call sysdig 0.29.3 cannot follow (fcntl F_DUPFD, whose fd and"
                    + " command its exit-only table lacks; dup2, dup3, pipe2, newer than its table): it holds a"
                    + " placeholder of unknown kind, current libsinsp the duplicated fd", false, null, 0, null,
                    (f, sv, mv, s, m) -> (f.startsWith("fd.") && s.get("fd.typechar").equals("o") && m != null
                            && !m.get("fd.typechar").equals("o") && !m.get("fd.typechar").equals("<NA>"))
                            || (f.equals("evt.arg.fd") && sv.matches("\\d+") && mv.startsWith("<"))));

    static String explain(String field, String sysdig, String mine, Map<String, String> s, Map<String, String> m) {
        for (Divergences.Divergence d : ALL) {
            if (d.rule().test(field, sysdig, mine, s, m)) {
                return d.name();
            }
        }
        return null;
    }

    private static EventType type(Map<String, String> s) {
        return EventTable.byName(s.get("evt.type"), s.get("evt.dir").equals(">") ? EventDirection.ENTER : EventDirection.EXIT);
    }

    private static boolean newerParam(Map<String, String> s, String arg) {
        EventType t = type(s);
        if (t == null) {
            return false;
        }
        int i = t.paramIndex(arg);
        return i >= 0 && i >= SysdigLegacyParams.nparams(t.code(), t.nparams());
    }

    private static boolean exitOnly(Map<String, String> s) {
        EventType t = type(s);
        if (t == null) {
            return false;
        }
        List<Syscall> by = Syscall.producing(t.code());
        return !by.isEmpty() && by.stream().noneMatch(Syscall::hasEnterEvent);
    }

    private static String realPath(String p) {
        try {
            return Path.of(p).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return p;
        }
    }
}
