package io.peregrine.rules.language.ruleset;

import java.util.List;
import java.util.Map;

/**
 * The merged content of one or more rules files: rules in Falco's order (first definition's
 * place; a redefinition replaces in place), macros and lists by name, and the warnings raised
 * while loading.
 */
public record Ruleset(List<RuleDefinition> rules, Map<String, MacroDefinition> macros,
                      Map<String, ListDefinition> lists, List<String> warnings) {

    public long enabledCount() {
        return rules.stream().filter(RuleDefinition::enabled).count();
    }

    /** The same ruleset with every rule enabled (benchmarks, rule testing). */
    public Ruleset allEnabled() {
        return new Ruleset(rules.stream().map(r -> r.withEnabled(true)).toList(), macros, lists, warnings);
    }
}
