package io.peregrine.rules.engine.eval;

/** A compiled condition, or part of one: decides on one projected event without allocating. */
public abstract class Matcher {

    public abstract boolean matches(FieldValues v);

    public static final Matcher TRUE = new Matcher() {
        @Override
        public boolean matches(FieldValues v) {
            return true;
        }

        @Override
        public String toString() {
            return "true";
        }
    };

    public static final Matcher FALSE = new Matcher() {
        @Override
        public boolean matches(FieldValues v) {
            return false;
        }

        @Override
        public String toString() {
            return "false";
        }
    };

    public static Matcher and(Matcher... terms) {
        if (terms.length == 2) {
            Matcher a = terms[0];
            Matcher b = terms[1];
            return new Matcher() {
                @Override
                public boolean matches(FieldValues v) {
                    return a.matches(v) && b.matches(v);
                }
            };
        }
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                for (Matcher m : terms) {
                    if (!m.matches(v)) {
                        return false;
                    }
                }
                return true;
            }
        };
    }

    public static Matcher or(Matcher... terms) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                for (Matcher m : terms) {
                    if (m.matches(v)) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    public static Matcher not(Matcher term) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                return !term.matches(v);
            }
        };
    }

    /** True when the event's type is in the set (evt.type checks not folded away). */
    public static Matcher eventTypeIn(boolean[] types) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                int t = v.eventType();
                return t >= 0 && t < types.length && types[t];
            }
        };
    }

    public static Matcher exists(int slot) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                return v.count(slot) > 0;
            }
        };
    }
}
