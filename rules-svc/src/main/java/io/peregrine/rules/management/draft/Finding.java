package io.peregrine.rules.management.draft;

/**
 * One problem in a draft ruleset: the item it is in (null when it is not in a stored item, e.g. a
 * file being imported), the file, 1-based line and column, and a message a rule author can act on.
 */
public record Finding(ItemKind kind, String name, String file, int line, int column, String message) {
}
