package io.peregrine.kubernetes.rules;

import io.peregrine.kubernetes.render.ManifestSet;

import java.util.ArrayList;
import java.util.List;

/** Every rule of docs/deployment.md ("What the tests check") over one rendering. */
public final class ManifestRules {

    private ManifestRules() {
    }

    /** The problems found, one readable line each; empty when the set is sound. */
    public static List<String> check(ManifestSet set) {
        List<String> problems = new ArrayList<>();
        NameRules.check(set, problems);
        WorkloadRules.check(set, problems);
        PrivilegeRules.check(set, problems);
        ReferenceRules.check(set, problems);
        ServiceRules.check(set, problems);
        return problems;
    }
}
