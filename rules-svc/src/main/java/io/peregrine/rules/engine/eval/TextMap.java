package io.peregrine.rules.engine.eval;

import java.util.Map;

/** A fixed map from strings to rule bit masks, probed with any {@link CharSequence} without allocating. */
public final class TextMap {

    private final String[] keys;
    private final long[][] values;
    private final int mask;

    public TextMap(Map<String, long[]> entries) {
        int cap = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1)) << 1;
        keys = new String[cap];
        values = new long[cap][];
        mask = cap - 1;
        for (Map.Entry<String, long[]> e : entries.entrySet()) {
            int i = mix(e.getKey().hashCode()) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = e.getKey();
            values[i] = e.getValue();
        }
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    /** The value for this key, or null. */
    public long[] get(CharSequence s) {
        int i = mix(s instanceof String str ? str.hashCode() : Text.hash(s)) & mask;
        String k;
        while ((k = keys[i]) != null) {
            if (Text.equals(k, s)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }
}
