package io.peregrine.driver.scap;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.ParamType;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares decoded events with sysdig's printed lines, event by event: number, type, direction,
 * thread id and every argument.
 *
 * <p>sysdig's display policy is applied to the decoded side: it never prints PROCINFO events
 * (per-thread CPU counters it folds into state) and it consumes the container events at the very
 * start of a capture as initial state. Argument values of types whose sysdig rendering appends a
 * name from its state tables (fds, pids, paths, users, groups) must equal ours, optionally followed
 * by that "(name)" suffix; every other argument must be identical.
 */
final class SysdigComparison {
    private SysdigComparison() {
    }

    static List<Decoded> displayed(List<Decoded> events) {
        List<Decoded> out = new ArrayList<>();
        boolean leading = true;
        for (Decoded d : events) {
            boolean container = d.type() == EventCodes.PPME_CONTAINER_JSON_E || d.type() == EventCodes.PPME_CONTAINER_JSON_2_E
                    || d.type() == EventCodes.PPME_CONTAINER_E;
            if (leading && container) {
                continue;
            }
            leading = false;
            if (d.type() == EventCodes.PPME_PROCINFO_E) {
                continue;
            }
            out.add(d);
        }
        return out;
    }

    static boolean stateResolved(ParamType t) {
        return switch (t) {
            case FD, PID, FSPATH, FSRELPATH, UID, GID -> true;
            default -> false;
        };
    }

    /** Returns a description of every difference (empty when equal). */
    static List<String> compare(List<Decoded> mine, List<SysdigReference.Line> sysdig, boolean compareNumbers) {
        List<String> diffs = new ArrayList<>();
        if (mine.size() != sysdig.size()) {
            diffs.add("event count: peregrine " + mine.size() + ", sysdig " + sysdig.size());
        }
        int n = Math.min(mine.size(), sysdig.size());
        for (int i = 0; i < n && diffs.size() < 30; i++) {
            Decoded d = mine.get(i);
            SysdigReference.Line s = sysdig.get(i);
            String where = "event #" + i + " (sysdig evt.num " + s.num() + ", " + s.type() + " " + s.dir() + "): ";
            if (compareNumbers && d.num() != s.num()) {
                diffs.add(where + "number " + d.num());
            }
            if (!d.name().equals(s.type())) {
                diffs.add(where + "type " + d.name());
            }
            if (!String.valueOf(d.dir()).equals(s.dir())) {
                diffs.add(where + "direction " + d.dir());
            }
            if (d.tid() != s.tid()) {
                diffs.add(where + "tid " + d.tid() + " vs " + s.tid());
            }
            String argDiff = compareArgs(d.args(), s.args());
            if (argDiff != null) {
                diffs.add(where + argDiff);
            }
        }
        return diffs;
    }

    /** Null when equal, else what differs. */
    static String compareArgs(List<Decoded.Arg> args, String s) {
        int pos = 0;
        for (int i = 0; i < args.size(); i++) {
            Decoded.Arg a = args.get(i);
            String key = a.name() + "=";
            if (!s.startsWith(key, pos)) {
                return "expected '" + key + "' at " + pos + " of sysdig args [" + s + "]";
            }
            int vs = pos + key.length();
            String next = i + 1 < args.size() ? " " + args.get(i + 1).name() + "=" : null;
            int ve = endAt(s, vs + a.value().length(), next);
            if (s.startsWith(a.value(), vs) && ve == vs + a.value().length()) {
                pos = ve + 1;
                continue;
            }
            if (a.type() == ParamType.FDLIST) {
                // "fd:<type char><flags>" items: the type char comes from sysdig's fd table (ours prints '?')
                int e = findEnd(s, vs, next);
                String theirs = e > 0 ? s.substring(vs, e) : "";
                if (theirs.replaceAll("(\\d+):.", "$1:?").equals(a.value())) {
                    pos = e + 1;
                    continue;
                }
            }
            if (stateResolved(a.type()) && s.startsWith(a.value() + "(", vs)) {
                int e = findEnd(s, vs + a.value().length(), next);
                if (e > 0 && s.charAt(e - 1) == ')') {
                    pos = e + 1;
                    continue;
                }
            }
            if (a.type() == ParamType.FSRELPATH && a.value().isEmpty() && i > 0) {
                // An empty relative path (at sys_enter, a name in a page not yet faulted in cannot be
                // read): sysdig 0.29 prints the number of the dirfd argument in its place.
                int e = findEnd(s, vs, next);
                String dirfd = args.get(i - 1).value();
                if (e > 0 && s.substring(vs, e).equals(dirfd)) {
                    pos = e + 1;
                    continue;
                }
            }
            if (a.type() == ParamType.FSPATH && a.value().isEmpty()) {
                // An empty path (unreadable at sys_enter, as above): sysdig 0.29.3 prints the thread's
                // cwd joined with it; current libsinsp prints it empty.
                int e = findEnd(s, vs, next);
                if (e > vs && s.charAt(vs) == '/' && s.indexOf(' ', vs) >= e) {
                    pos = e + 1;
                    continue;
                }
            }
            int e = findEnd(s, vs, next);
            return "argument " + a.name() + ": peregrine [" + a.value() + "], sysdig ["
                    + (e > 0 ? s.substring(vs, e) : s.substring(vs)) + "]";
        }
        if (pos != s.length()) {
            return "sysdig prints more arguments: [" + s.substring(pos) + "]";
        }
        return null;
    }

    /** Returns at if the text at 'at' is the separator to the next argument (or the final space), else -1. */
    private static int endAt(String s, int at, String next) {
        if (next == null) {
            return at == s.length() - 1 && s.charAt(at) == ' ' ? at : -1;
        }
        return s.startsWith(next, at) ? at : -1;
    }

    private static int findEnd(String s, int from, String next) {
        if (next == null) {
            return s.endsWith(" ") ? s.length() - 1 : -1;
        }
        return s.indexOf(next, from);
    }
}
