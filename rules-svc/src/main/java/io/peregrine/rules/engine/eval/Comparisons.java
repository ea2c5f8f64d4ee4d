package io.peregrine.rules.engine.eval;

import com.google.re2j.Pattern;
import io.peregrine.rules.language.condition.Operator;

/**
 * Leaf matchers: one field (slot) against constants or another field. A slot without value
 * makes every comparison false (Falco's semantics: only {@code exists} looks at presence); a
 * multi-valued slot matches when any of its values does, except {@code in} on a list field,
 * which needs all of them.
 */
public final class Comparisons {

    private Comparisons() {
    }

    /** Numeric comparison; {@code unsigned} for UINT64 values above Long.MAX_VALUE. */
    public static Matcher number(int slot, Operator op, long k, boolean unsigned) {
        return switch (op) {
            case EQ -> new Matcher() {
                @Override
                public boolean matches(FieldValues v) {
                    for (int i = 0, n = v.count(slot); i < n; i++) {
                        if (v.number(slot, i) == k) {
                            return true;
                        }
                    }
                    return false;
                }
            };
            case NE -> new Matcher() {
                @Override
                public boolean matches(FieldValues v) {
                    for (int i = 0, n = v.count(slot); i < n; i++) {
                        if (v.number(slot, i) != k) {
                            return true;
                        }
                    }
                    return false;
                }
            };
            default -> new Matcher() {
                @Override
                public boolean matches(FieldValues v) {
                    for (int i = 0, n = v.count(slot); i < n; i++) {
                        long x = v.number(slot, i);
                        int c = unsigned ? Long.compareUnsigned(x, k) : Long.compare(x, k);
                        if (order(op, c)) {
                            return true;
                        }
                    }
                    return false;
                }
            };
        };
    }

    static boolean order(Operator op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> false;
        };
    }

    public static Matcher numberIn(int slot, LongSet set, boolean all) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                int n = v.count(slot);
                if (all) {
                    for (int i = 0; i < n; i++) {
                        if (!set.contains(v.number(slot, i))) {
                            return false;
                        }
                    }
                    return n > 0;
                }
                for (int i = 0; i < n; i++) {
                    if (set.contains(v.number(slot, i))) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /** Text comparison with a constant (bcontains/bstartswith take the decoded bytes as chars). */
    public static Matcher text(int slot, Operator op, String k) {
        String lower = k.toLowerCase(java.util.Locale.ROOT);
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                for (int i = 0, n = v.count(slot); i < n; i++) {
                    if (textOp(op, v.text(slot, i), k, lower)) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    static boolean textOp(Operator op, CharSequence s, CharSequence k, CharSequence lowerK) {
        return switch (op) {
            case EQ -> Text.equals(s, k);
            case NE -> !Text.equals(s, k);
            case LT -> Text.compare(s, k) < 0;
            case LE -> Text.compare(s, k) <= 0;
            case GT -> Text.compare(s, k) > 0;
            case GE -> Text.compare(s, k) >= 0;
            case CONTAINS, BCONTAINS -> Text.contains(s, k, false);
            case ICONTAINS -> Text.contains(s, lowerK, true);
            case STARTSWITH, BSTARTSWITH -> Text.startsWith(s, k);
            case ENDSWITH -> Text.endsWith(s, k);
            default -> false;
        };
    }

    public static Matcher textIn(int slot, TextSet set, boolean all) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                int n = v.count(slot);
                if (all) {
                    for (int i = 0; i < n; i++) {
                        if (!set.contains(v.text(slot, i))) {
                            return false;
                        }
                    }
                    return n > 0;
                }
                for (int i = 0; i < n; i++) {
                    if (set.contains(v.text(slot, i))) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    public static Matcher glob(int slot, Glob g) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                for (int i = 0, n = v.count(slot); i < n; i++) {
                    if (g.matches(v.text(slot, i))) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    public static Matcher pmatch(int slot, PathPrefixSet set) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                for (int i = 0, n = v.count(slot); i < n; i++) {
                    if (set.matches(v.text(slot, i))) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /** Regular expression (RE2 syntax, linear time); as in Falco, the whole value must match. */
    public static Matcher regex(int slot, Pattern p) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                for (int i = 0, n = v.count(slot); i < n; i++) {
                    if (p.matcher(v.text(slot, i)).matches()) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /** Address equality or network membership against any of the networks. */
    public static Matcher ip(int slot, IpAddress.Network[] nets, boolean negate) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                for (int i = 0, n = v.count(slot); i < n; i++) {
                    CharSequence s = v.text(slot, i);
                    long h;
                    long l;
                    long four = IpAddress.v4(s);      // the common case parses once
                    if (four >= 0) {
                        h = 0;
                        l = (0xFFFFL << 32) | four;
                    } else {
                        h = IpAddress.high(s);
                        if (h == IpAddress.INVALID) {
                            continue;
                        }
                        l = IpAddress.low(s);
                    }
                    boolean in = false;
                    for (IpAddress.Network net : nets) {
                        if (net.contains(h, l)) {
                            in = true;
                            break;
                        }
                    }
                    if (in != negate) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /**
     * {@code fd.sip.name = X} / {@code in (...)} (and the other {@code fd.*ip.name}): the event's
     * address (in {@code slot}, the address field) is one of the addresses the names in
     * {@code which} resolved to; with {@code negate}, an address that is none of them. No address,
     * no match either way, as for every comparison of a missing value.
     */
    public static Matcher addressOfName(int slot, io.peregrine.rules.engine.names.ResolvedNames names, int[] which,
                                        boolean negate) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                for (int i = 0, n = v.count(slot); i < n; i++) {
                    CharSequence s = v.text(slot, i);
                    long h;
                    long l;
                    long four = IpAddress.v4(s);
                    if (four >= 0) {
                        h = 0;
                        l = (0xFFFFL << 32) | four;
                    } else {
                        h = IpAddress.high(s);
                        if (h == IpAddress.INVALID) {
                            continue;
                        }
                        l = IpAddress.low(s);
                    }
                    if (names.contains(which, h, l) != negate) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /** Two fields of the same event ({@code val()}): numbers, or text with the text operators. */
    public static Matcher fields(int left, Operator op, int right, boolean numeric) {
        return new Matcher() {
            @Override
            public boolean matches(FieldValues v) {
                int n = v.count(left);
                int m = v.count(right);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        if (numeric) {
                            if (order(op, Long.compare(v.number(left, i), v.number(right, j)))) {
                                return true;
                            }
                        } else {
                            CharSequence r = v.text(right, j);
                            if (op == Operator.ICONTAINS ? Text.contains(v.text(left, i),
                                    r.toString().toLowerCase(java.util.Locale.ROOT), true)
                                    : textOp(op, v.text(left, i), r, r)) {
                                return true;
                            }
                        }
                    }
                }
                return false;
            }
        };
    }

    /** The slot that a matcher built inside {@link #transformed} reads for the transformed value. */
    public static final int TRANSFORMED_SLOT = TransformedValues.SLOT;

    /** Applies transformers to {@code source} and evaluates {@code inner} on the result. */
    public static Matcher transformed(int source, io.peregrine.rules.language.condition.Transformer[] ts, Matcher inner) {
        return TransformedValues.wrap(source, ts, inner);
    }
}
