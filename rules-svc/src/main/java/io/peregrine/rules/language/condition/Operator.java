package io.peregrine.rules.language.condition;

/** Comparison operators of the Falco condition language. */
public enum Operator {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    CONTAINS("contains"), ICONTAINS("icontains"), BCONTAINS("bcontains"),
    STARTSWITH("startswith"), BSTARTSWITH("bstartswith"), ENDSWITH("endswith"),
    GLOB("glob"), IGLOB("iglob"), PMATCH("pmatch"), IN("in"), INTERSECTS("intersects"),
    EXISTS("exists"), REGEX("regex");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Operators whose right side is a parenthesised list. */
    public boolean takesList() {
        return this == IN || this == INTERSECTS || this == PMATCH;
    }

    public boolean unary() {
        return this == EXISTS;
    }

    /** Word operators, longest first so that "icontains" is not read as "in". */
    static final Operator[] WORDS = {BSTARTSWITH, STARTSWITH, INTERSECTS, ICONTAINS, BCONTAINS, CONTAINS, ENDSWITH,
        PMATCH, EXISTS, IGLOB, REGEX, GLOB, IN};
}
