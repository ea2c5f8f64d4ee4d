package io.peregrine.notify.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule-name pattern where {@code *} matches any text (empty included) and every other character
 * stands for itself. Matching is linear in the name plus the pattern, whatever the pattern: the
 * fixed parts between stars are found left to right, each at its first occurrence (a later one
 * can never help the parts after it), with a Knuth-Morris-Pratt search that never steps back.
 * Patterns come from output declarations and run on every alert, so a backtracking matcher would
 * let one pattern such as {@code *a*a*a*a*b} stall delivery.
 */
public final class Glob {

    private final String pattern;
    private final boolean hasStar;
    private final String head;
    private final String tail;
    private final List<String> middle;
    private final List<int[]> failure;

    public Glob(String pattern) {
        this.pattern = pattern;
        List<String> parts = split(pattern);
        this.hasStar = parts.size() > 1;
        this.head = parts.getFirst();
        this.tail = parts.getLast();
        this.middle = hasStar ? List.copyOf(parts.subList(1, parts.size() - 1).stream().filter(p -> !p.isEmpty()).toList())
                : List.of();
        this.failure = middle.stream().map(Glob::failureTable).toList();
    }

    public boolean matches(String s) {
        return match(s, new long[1]);
    }

    /** Characters compared while matching {@code s}: what the linear bound is about. */
    long cost(String s) {
        long[] steps = new long[1];
        match(s, steps);
        return steps[0];
    }

    private boolean match(String s, long[] steps) {
        if (!hasStar) {
            steps[0] += Math.min(s.length(), pattern.length());
            return s.equals(pattern);
        }
        if (s.length() < head.length() + tail.length()) {
            return false;
        }
        steps[0] += head.length() + tail.length();
        if (!s.startsWith(head) || !s.endsWith(tail)) {
            return false;
        }
        int from = head.length();
        int end = s.length() - tail.length();
        for (int i = 0; i < middle.size(); i++) {
            int at = find(s, from, end, middle.get(i), failure.get(i), steps);
            if (at < 0) {
                return false;
            }
            from = at + middle.get(i).length();
        }
        return true;
    }

    /** First index in [from, end) where {@code p} occurs whole before {@code end}, or -1. */
    private static int find(String s, int from, int end, String p, int[] fail, long[] steps) {
        int k = 0;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            while (k > 0 && p.charAt(k) != c) {
                k = fail[k - 1];
                steps[0]++;
            }
            steps[0]++;
            if (p.charAt(k) == c) {
                k++;
                if (k == p.length()) {
                    return i - k + 1;
                }
            }
        }
        return -1;
    }

    /** fail[i]: length of the longest proper prefix of p[0..i] that is also its suffix. */
    private static int[] failureTable(String p) {
        int[] fail = new int[p.length()];
        int k = 0;
        for (int i = 1; i < p.length(); i++) {
            while (k > 0 && p.charAt(k) != p.charAt(i)) {
                k = fail[k - 1];
            }
            if (p.charAt(k) == p.charAt(i)) {
                k++;
            }
            fail[i] = k;
        }
        return fail;
    }

    private static List<String> split(String pattern) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '*') {
                parts.add(pattern.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(pattern.substring(start));
        return parts;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
