package io.peregrine.notify.routing;

import io.peregrine.notify.output.OutputSpec;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.Priority;

import java.util.List;
import java.util.regex.Pattern;

/** Which alerts an output takes: minimum priority, then rule and tag include/exclude lists. */
public final class AlertFilter {

    private final Priority minPriority;
    private final List<Pattern> includeRules;
    private final List<Pattern> excludeRules;
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

    private static boolean matchesAny(List<Pattern> patterns, String s) {
        for (Pattern p : patterns) {
            if (p.matcher(s).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Rule names are free text: only '*' is special. */
    private static List<Pattern> globs(List<String> names) {
        if (names == null) {
            return List.of();
        }
        return names.stream().map(n -> {
            StringBuilder b = new StringBuilder();
            for (String part : n.split("\\*", -1)) {
                if (!b.isEmpty()) {
                    b.append(".*");
                }
                b.append(Pattern.quote(part));
            }
            return Pattern.compile(b.toString(), Pattern.DOTALL);
        }).toList();
    }
}
