package io.peregrine.rules.engine.eval;

/** Allocation-free comparisons of event text ({@link CharSequence}) with rule literals. */
public final class Text {

    private Text() {
    }

    public static boolean equals(CharSequence a, CharSequence b) {
        if (a instanceof String sa && b instanceof String sb) {
            return sa.equals(sb);       // intrinsic, vectorised
        }
        int n = a.length();
        if (n != b.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static int compare(CharSequence a, CharSequence b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int d = a.charAt(i) - b.charAt(i);
            if (d != 0) {
                return d;
            }
        }
        return a.length() - b.length();
    }

    public static boolean startsWith(CharSequence s, CharSequence p) {
        if (s instanceof String ss && p instanceof String ps) {
            return ss.startsWith(ps);
        }
        int n = p.length();
        if (n > s.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) != p.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static boolean endsWith(CharSequence s, CharSequence p) {
        if (s instanceof String ss && p instanceof String ps) {
            return ss.endsWith(ps);
        }
        int n = p.length();
        int off = s.length() - n;
        if (off < 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(off + i) != p.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Substring search; {@code lowerNeedle} set means case-insensitive with an already lower-cased needle. */
    public static boolean contains(CharSequence s, CharSequence needle, boolean ignoreCase) {
        if (!ignoreCase && s instanceof String ss && needle instanceof String ns) {
            return ss.contains(ns);     // intrinsic search
        }
        int n = needle.length();
        int last = s.length() - n;
        if (n == 0) {
            return true;
        }
        char first = needle.charAt(0);
        for (int i = 0; i <= last; i++) {
            char c = s.charAt(i);
            if (ignoreCase) {
                c = Character.toLowerCase(c);
            }
            if (c != first) {
                continue;
            }
            int j = 1;
            while (j < n) {
                char d = s.charAt(i + j);
                if (ignoreCase) {
                    d = Character.toLowerCase(d);
                }
                if (d != needle.charAt(j)) {
                    break;
                }
                j++;
            }
            if (j == n) {
                return true;
            }
        }
        return false;
    }

    /** Hash of text, equal to {@link String#hashCode()} for the same characters. */
    public static int hash(CharSequence s) {
        int h = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }
}
