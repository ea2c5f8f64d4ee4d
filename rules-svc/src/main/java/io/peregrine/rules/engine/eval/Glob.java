package io.peregrine.rules.engine.eval;

/**
 * Shell wildcard matching as Falco's {@code glob} (fnmatch without flags: '*' also matches '/'):
 * '*' any run, '?' one character, '[abc]', '[a-z]', '[!x]' classes, '\' escapes. Runs in
 * O(text × pattern) at worst with a single backtrack point, never exponentially.
 */
public final class Glob {

    private final char[] p;
    private final boolean ignoreCase;

    public Glob(String pattern, boolean ignoreCase) {
        this.p = (ignoreCase ? pattern.toLowerCase(java.util.Locale.ROOT) : pattern).toCharArray();
        this.ignoreCase = ignoreCase;
    }

    public boolean matches(CharSequence s) {
        int si = 0;
        int pi = 0;
        int starP = -1;
        int starS = 0;
        int n = s.length();
        while (si < n) {
            if (pi < p.length) {
                char pc = p[pi];
                char c = ignoreCase ? Character.toLowerCase(s.charAt(si)) : s.charAt(si);
                if (pc == '*') {
                    starP = pi++;
                    starS = si;
                    continue;
                }
                int next = one(pi, c);
                if (next >= 0) {
                    pi = next;
                    si++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            pi = starP + 1;
            si = ++starS;
        }
        while (pi < p.length && p[pi] == '*') {
            pi++;
        }
        return pi == p.length;
    }

    /** Matches one pattern element at pi against c; returns the next pattern index or -1. */
    private int one(int pi, char c) {
        char pc = p[pi];
        if (pc == '?') {
            return pi + 1;
        }
        if (pc == '\\' && pi + 1 < p.length) {
            return p[pi + 1] == c ? pi + 2 : -1;
        }
        if (pc == '[') {
            int i = pi + 1;
            boolean neg = i < p.length && (p[i] == '!' || p[i] == '^');
            if (neg) {
                i++;
            }
            boolean hit = false;
            int start = i;
            while (i < p.length && (p[i] != ']' || i == start)) {
                if (i + 2 < p.length && p[i + 1] == '-' && p[i + 2] != ']') {
                    if (c >= p[i] && c <= p[i + 2]) {
                        hit = true;
                    }
                    i += 3;
                } else {
                    if (p[i] == c) {
                        hit = true;
                    }
                    i++;
                }
            }
            if (i >= p.length) {
                return pc == c ? pi + 1 : -1;    // no closing ']': a literal '['
            }
            return hit != neg ? i + 1 : -1;
        }
        return pc == c ? pi + 1 : -1;
    }
}
