package io.peregrine.rules.management.draft;

import java.util.Locale;

/** The three kinds of stored items, named as in Falco rule files ({@code - rule:}, {@code - macro:}, {@code - list:}). */
public enum ItemKind {
    RULE, MACRO, LIST;

    /** The YAML key and the word used in the API and in the database. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The "file" name an item is validated under, so that engine errors name the item. */
    public String fileOf(String name) {
        return word() + " '" + name + "'";
    }

    public static ItemKind of(String word) {
        for (ItemKind k : values()) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown item kind '" + word + "'");
    }
}
