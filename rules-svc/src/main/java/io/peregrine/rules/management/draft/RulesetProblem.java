package io.peregrine.rules.management.draft;

/** A draft ruleset that cannot be stored: the engine (or a limit) refused it. */
public class RulesetProblem extends RuntimeException {

    private final Finding finding;
    private final boolean limit;

    public RulesetProblem(Finding finding, boolean limit) {
        super(finding.message());
        this.finding = finding;
        this.limit = limit;
    }

    public Finding finding() {
        return finding;
    }

    /** True when a size or depth limit, rather than the rule language, refused the draft. */
    public boolean limit() {
        return limit;
    }
}
