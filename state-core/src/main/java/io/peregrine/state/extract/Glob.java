package io.peregrine.state.extract;

/**
 * Shell-style matching as libsinsp's mount lookups use it: {@code *} matches any run of characters
 * (slashes too), {@code ?} any one character, everything else itself. Iterative with one
 * backtrack point, so it allocates nothing and runs in time linear in practice.
 */
final class Glob {
    private Glob() {
    }

    static boolean matches(String pattern, String text) {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))
                    && pattern.charAt(p) != '*') {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
