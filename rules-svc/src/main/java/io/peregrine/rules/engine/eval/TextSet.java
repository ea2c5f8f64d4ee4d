package io.peregrine.rules.engine.eval;

import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * A fixed set of strings, probed with any {@link CharSequence} without allocating (open
 * addressing; {@link java.util.HashSet} would need a String key).
 */
public final class TextSet {

    private final String[] table;
    private final int mask;
    private final int size;

    public TextSet(Collection<String> values) {
        LinkedHashSet<String> u = new LinkedHashSet<>(values);
        int cap = Integer.highestOneBit(Math.max(4, u.size() * 2 + 1)) << 1;
        table = new String[cap];
        mask = cap - 1;
        for (String s : u) {
            int i = mix(s.hashCode()) & mask;
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = s;
        }
        size = u.size();
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    public int size() {
        return size;
    }

    public boolean contains(CharSequence s) {
        // Strings cache their hash; other CharSequences are hashed here, without allocating.
        int i = mix(s instanceof String str ? str.hashCode() : Text.hash(s)) & mask;
        String t;
        while ((t = table[i]) != null) {
            if (Text.equals(t, s)) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }
}
