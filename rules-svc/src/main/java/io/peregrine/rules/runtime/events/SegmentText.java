package io.peregrine.rules.runtime.events;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * A reusable CharSequence over bytes in a frame, one char per byte, as the evaluator reads text
 * (FieldValues): no copy, no allocation per event. ASCII — paths, names, command lines in practice —
 * compares exactly; other bytes compare as Latin-1.
 */
final class SegmentText implements CharSequence {

    private MemorySegment seg;
    private long off;
    private int len;

    SegmentText set(MemorySegment seg, long off, int len) {
        this.seg = seg;
        this.off = off;
        this.len = len;
        return this;
    }

    @Override
    public int length() {
        return len;
    }

    @Override
    public char charAt(int index) {
        return (char) (seg.get(ValueLayout.JAVA_BYTE, off + index) & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    @Override
    public String toString() {
        byte[] b = new byte[len];
        MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, off, b, 0, len);
        return new String(b, StandardCharsets.UTF_8);
    }
}
