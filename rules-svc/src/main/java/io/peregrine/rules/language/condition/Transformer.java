package io.peregrine.rules.language.condition;

/** Field transformers: functions applied to a field's value before comparing, e.g. {@code tolower(proc.name)}. */
public enum Transformer {
    TOLOWER("tolower"), TOUPPER("toupper"), B64("b64"), BASENAME("basename"), LEN("len");

    private final String word;

    Transformer(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    static Transformer of(String word) {
        for (Transformer t : values()) {
            if (t.word.equals(word)) {
                return t;
            }
        }
        return null;
    }
}
