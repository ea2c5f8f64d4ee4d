package io.peregrine.notify.routing;

import io.peregrine.notify.output.OutputSpec;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.Priority;

import java.util.List;

/** Which alerts an output takes: minimum priority, then rule and tag include/exclude lists. */
public final class AlertFilter {

    private final Priority minPriority;
    private final List<Glob> includeRules;
    private final List<Glob> excludeRules;
    private final List<String> includeTags;
    private final List<String> excludeTags;

    public AlertFilter(OutputSpec spec) {
        this.minPriority = spec.minimumPriority();
        this.includeRules = globs(spec.includeRules());
        this.excludeRules = globs(spec.excludeRules());
        this.includeTags = spec.includeTags() == null ? List.of() : List.copyOf(spec.includeTags());
        this.excludeTags = spec.excludeTags() == null ? List.of() : List.copyOf(spec.excludeTags());
    }

    public boolean accepts(Alert a) {
        if (!a.priority().atLeast(minPriority)) {
            return false;
        }
        if (!includeRules.isEmpty() && !matchesAny(includeRules, a.rule())) {
            return false;
        }
        if (matchesAny(excludeRules, a.rule())) {
            return false;
        }
        if (!includeTags.isEmpty() && a.tags().stream().noneMatch(includeTags::contains)) {
            return false;
        }
        return a.tags().stream().noneMatch(excludeTags::contains);
    }

    private static boolean matchesAny(List<Glob> patterns, String s) {
        for (Glob p : patterns) {
            if (p.matches(s)) {
                return true;
            }
        }
        return false;
    }

    /** Rule names are free text: only '*' is special. */
    private static List<Glob> globs(List<String> names) {
        return names == null ? List.of() : names.stream().map(Glob::new).toList();
    }
}
