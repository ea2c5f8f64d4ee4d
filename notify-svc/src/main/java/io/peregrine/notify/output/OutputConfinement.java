package io.peregrine.notify.output;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where outputs declared over the API or in the outputs file may write. Whoever may declare an
 * output must not thereby reach what the service itself can: NATS outputs stay off the server's
 * own subjects ({@code $JS.>}, {@code $KV.>}, {@code $SYS.>} and every other {@code $} subject),
 * reply inboxes and Peregrine's subjects, where a published alert would pose as an API call, a
 * stored key, a reply or a new alert; file and terminal outputs stay in one directory.
 */
public final class OutputConfinement {

    /** Subjects no output may publish to, besides the configured ones. */
    public static final List<String> RESERVED_SUBJECTS = List.of("$*.>", "$*", "_INBOX.>", "peregrine.>");

    private final Path directory;
    private final List<String> reservedSubjects;

    /**
     * @param directory        the only directory file and terminal outputs may write in (subdirectories included)
     * @param reservedSubjects further subjects, wildcards allowed, that outputs may not publish to
     *                         (the alert stream's, the dead letter's, the control subject)
     */
    public OutputConfinement(Path directory, List<String> reservedSubjects) {
        this.directory = directory.toAbsolutePath().normalize();
        List<String> all = new ArrayList<>(RESERVED_SUBJECTS);
        all.addAll(reservedSubjects);
        this.reservedSubjects = List.copyOf(all);
    }

    public Path directory() {
        return directory;
    }

    /** A file or terminal path given relative to the directory, made absolute; anything else unchanged. */
    public OutputSpec resolve(OutputSpec s) {
        if (!isFile(s) || s.path() == null || s.path().isBlank() || hasParentStep(s.path())) {
            return s;
        }
        Path p;
        try {
            p = Path.of(s.path());
        } catch (InvalidPathException e) {
            return s;
        }
        if (p.isAbsolute()) {
            return s;
        }
        return new OutputSpec(s.name(), s.type(), s.enabled(), s.minPriority(), s.includeRules(), s.excludeRules(),
                s.includeTags(), s.excludeTags(), s.template(), s.aggregation(), s.url(), s.headers(), s.secret(),
                s.timeoutMillis(), s.tls(), s.subject(), directory.resolve(p).normalize().toString(), s.maxBytes(),
                s.maxFiles());
    }

    /** Every way this declaration reaches beyond what outputs may; empty when it stays inside. */
    public List<String> problems(OutputSpec s) {
        List<String> p = new ArrayList<>();
        if (s.type() == null) {
            return p;
        }
        String type = s.type().toLowerCase(Locale.ROOT);
        if (type.equals("nats") && s.subject() != null) {
            for (String reserved : reservedSubjects) {
                if (matches(reserved, s.subject())) {
                    p.add("subject " + s.subject() + " is reserved (" + reserved + "): NATS outputs may not publish to "
                            + "$ subjects, reply inboxes or Peregrine's own subjects");
                    break;
                }
            }
        }
        if (isFile(s)) {
            if (s.path() != null && !s.path().isBlank()) {
                String problem = pathProblem(s.path());
                if (problem != null) {
                    p.add(problem);
                }
            }
        }
        return p;
    }

    private String pathProblem(String path) {
        if (hasParentStep(path)) {
            return "path may not contain '..'";
        }
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            return "path is not a valid file name";
        }
        Path abs = p.isAbsolute() ? p.normalize() : directory.resolve(p).normalize();
        if (!abs.startsWith(directory) || abs.equals(directory)) {
            return "path must be a file in " + directory + " (relative paths are taken from there)";
        }
        return null;
    }

    private static boolean isFile(OutputSpec s) {
        String t = s.type() == null ? "" : s.type().toLowerCase(Locale.ROOT);
        return t.equals("file") || t.equals("terminal");
    }

    private static boolean hasParentStep(String path) {
        for (String part : path.split("[/\\\\]", -1)) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether literal {@code subject} falls under {@code pattern}: {@code *} is one token, {@code >}
     * one or more, and here a token {@code $*} is any token starting with {@code $}.
     */
    static boolean matches(String pattern, String subject) {
        String[] p = pattern.split("\\.", -1);
        String[] s = subject.split("\\.", -1);
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals(">")) {
                return s.length > i;
            }
            if (i >= s.length) {
                return false;
            }
            boolean ok = p[i].equals("*") || p[i].equals(s[i])
                    || p[i].equals("$*") && s[i].startsWith("$");
            if (!ok) {
                return false;
            }
        }
        return p.length == s.length;
    }
}
