package io.peregrine.rules.engine.eval;

import java.util.Arrays;

/** A projected event held in arrays; reusable: {@link #clear} and fill again. */
public final class ArrayFieldValues implements FieldValues {

    private int eventType;
    private long timeNanos;
    private final int[] counts;
    private final long[][] numbers;
    private final CharSequence[][] texts;

    public ArrayFieldValues(int slots) {
        counts = new int[slots];
        numbers = new long[slots][];
        texts = new CharSequence[slots][];
    }

    public ArrayFieldValues eventType(int type) {
        this.eventType = type;
        return this;
    }

    public ArrayFieldValues time(long nanos) {
        this.timeNanos = nanos;
        return this;
    }

    public ArrayFieldValues putNumber(int slot, long... values) {
        numbers[slot] = values;
        texts[slot] = null;
        counts[slot] = values.length;
        return this;
    }

    public ArrayFieldValues putText(int slot, CharSequence... values) {
        texts[slot] = values;
        numbers[slot] = null;
        counts[slot] = values.length;
        return this;
    }

    public ArrayFieldValues unset(int slot) {
        counts[slot] = 0;
        return this;
    }

    public ArrayFieldValues clear() {
        Arrays.fill(counts, 0);
        return this;
    }

    public int slots() {
        return counts.length;
    }

    @Override
    public int eventType() {
        return eventType;
    }

    @Override
    public long timeNanos() {
        return timeNanos;
    }

    @Override
    public int count(int slot) {
        return slot < counts.length ? counts[slot] : 0;
    }

    @Override
    public long number(int slot, int index) {
        return numbers[slot] == null ? 0 : numbers[slot][index];
    }

    @Override
    public CharSequence text(int slot, int index) {
        return texts[slot] == null ? "" : texts[slot][index];
    }
}
