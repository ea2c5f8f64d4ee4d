package io.peregrine.rules.engine.compile;

/**
 * An upper bound of the program size of a regular expression (RE2 syntax), read from its text
 * before it is compiled: every atom counts 1, and a counted repetition multiplies what it repeats,
 * since RE2 writes {@code x{n,m}} out as m copies of x. The RE2 compiler caps each count at 1000
 * but not their product, so {@code ((a{1000}){1000}){1000}} would be a program of 10^9
 * instructions; this bound lets the compiler refuse it before allocating anything.
 *
 * <p>The reading is lenient: text the RE2 parser would refuse is still given a size (never lower
 * than its real one) and the parser reports the syntax error afterwards.
 */
public final class RegexSize {

    /** Largest program, in atoms after repetitions are written out, that a rule may compile. */
    public static final long MAX = 10_000;

    // Sizes saturate here: far above MAX, far below overflow.
    private static final long CAP = 1L << 40;

    private final String re;
    private int i;

    private RegexSize(String re) {
        this.re = re;
    }

    /** The size bound of {@code re}; at most 2^40. */
    public static long of(String re) {
        return new RegexSize(re).alternation(false);
    }

    /** Reads up to the end of the text, or to the ')' closing a group when {@code inGroup}. */
    private long alternation(boolean inGroup) {
        long total = 0;
        long concat = 0;
        long last = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            switch (c) {
                case '|' -> {
                    i++;
                    total = add(total, add(add(concat, last), 1));
                    concat = 0;
                    last = 0;
                }
                case ')' -> {
                    if (inGroup) {
                        i++;
                        return add(add(total, add(concat, last)), 1);
                    }
                    i++;
                    concat = add(concat, last);
                    last = 1;
                }
                case '(' -> {
                    i++;
                    concat = add(concat, last);
                    last = group();
                }
                case '*', '+', '?' -> {
                    i++;
                    last = add(last, 1);
                    lazy();
                }
                case '{' -> {
                    long times = repetition();
                    if (times < 0) {
                        i++;            // not a repetition: a literal '{'
                        concat = add(concat, last);
                        last = 1;
                    } else {
                        last = mul(Math.max(last, 1), times);
                        lazy();
                    }
                }
                case '[' -> {
                    concat = add(concat, last);
                    last = charClass();
                }
                case '\\' -> {
                    concat = add(concat, last);
                    last = escape();
                }
                default -> {
                    i++;
                    concat = add(concat, last);
                    last = 1;
                }
            }
        }
        return add(total, add(concat, last));
    }

    /** After '(': a flag setting such as (?i) has no size; a group has its content's. */
    private long group() {
        if (i < re.length() && re.charAt(i) == '?') {
            int j = i + 1;
            if (j < re.length() && (re.charAt(j) == 'P' || re.charAt(j) == '<')) {
                int close = re.indexOf('>', j);
                i = close < 0 ? re.length() : close + 1;
                return alternation(true);
            }
            while (j < re.length() && re.charAt(j) != ')' && re.charAt(j) != ':') {
                j++;
            }
            if (j >= re.length() || re.charAt(j) == ')') {
                i = Math.min(j + 1, re.length());
                return 0;
            }
            i = j + 1;
        }
        return alternation(true);
    }

    /** At '{': how many copies {n}, {n,} or {n,m} writes out, or -1 when the brace is a literal. */
    private long repetition() {
        int j = i + 1;
        int startMin = j;
        while (j < re.length() && Character.isDigit(re.charAt(j))) {
            j++;
        }
        if (j == startMin || j >= re.length()) {
            return -1;
        }
        long min = number(startMin, j);
        long max = min;
        if (re.charAt(j) == ',') {
            j++;
            int startMax = j;
            while (j < re.length() && Character.isDigit(re.charAt(j))) {
                j++;
            }
            max = j == startMax ? add(min, 1) : number(startMax, j);       // x{n,} is n copies then x*
        }
        if (j >= re.length() || re.charAt(j) != '}') {
            return -1;
        }
        i = j + 1;
        return Math.max(Math.max(min, max), 1);
    }

    private long number(int from, int to) {
        if (to - from > 9) {
            return CAP;
        }
        return Long.parseLong(re, from, to, 10);
    }

    private void lazy() {
        if (i < re.length() && re.charAt(i) == '?') {
            i++;
        }
    }

    /** At '[': skips to the closing ']' (which may come first, or after '^'). One atom. */
    private long charClass() {
        i++;
        if (i < re.length() && re.charAt(i) == '^') {
            i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
            i++;
        }
        while (i < re.length() && re.charAt(i) != ']') {
            if (re.charAt(i) == '\\') {
                escape();
            } else if (re.startsWith("[:", i)) {
                int close = re.indexOf(":]", i + 2);
                i = close < 0 ? i + 1 : close + 2;
            } else {
                i++;
            }
        }
        i = Math.min(i + 1, re.length());
        return 1;
    }

    /** At '\\': \Q...\E counts its characters, \x{..} \p{..} and the rest count one. */
    private long escape() {
        i++;
        if (i >= re.length()) {
            return 1;
        }
        char c = re.charAt(i++);
        if (c == 'Q') {
            int end = re.indexOf("\\E", i);
            int stop = end < 0 ? re.length() : end;
            long n = Math.max(1, stop - i);
            i = end < 0 ? re.length() : end + 2;
            return n;
        }
        if ((c == 'x' || c == 'p' || c == 'P') && i < re.length() && re.charAt(i) == '{') {
            int close = re.indexOf('}', i);
            i = close < 0 ? re.length() : close + 1;
        } else if ((c == 'p' || c == 'P') && i < re.length()) {
            i++;
        }
        return 1;
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long mul(long a, long b) {
        if (a != 0 && b > CAP / a) {
            return CAP;
        }
        return Math.min(CAP, a * b);
    }
}
