package io.peregrine.protocol.event;

import java.util.List;

/**
 * Names of the bits (flags) or values (enums) of a numeric parameter, in the order the scap tables
 * list them, which is the order their names are rendered in.
 */
public final class FlagTable {
    private final String name;
    private final String[] names;
    private final long[] values;

    public FlagTable(String name, String[] names, long[] values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException("names and values differ in length for " + name);
        }
        this.name = name;
        this.names = names.clone();
        this.values = values.clone();
    }

    /** The table's name in the scap flags tables, e.g. {@code file_flags}. */
    public String name() {
        return name;
    }

    public int size() {
        return names.length;
    }

    public String nameAt(int i) {
        return names[i];
    }

    public long valueAt(int i) {
        return values[i];
    }

    /** The name of an exact value, or null. */
    public String nameOf(long value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return names[i];
            }
        }
        return null;
    }

    public List<String> names() {
        return List.of(names);
    }
}
