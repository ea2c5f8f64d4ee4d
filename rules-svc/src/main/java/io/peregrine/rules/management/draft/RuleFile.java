package io.peregrine.rules.management.draft;

/** A Falco rules file sent for import or validation: its name (for error positions) and text. */
public record RuleFile(String name, String content) {
}
