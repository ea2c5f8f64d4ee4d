package io.peregrine.rules.runtime.events;

import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.protocol.projection.ProjectedEventView;
import io.peregrine.rules.engine.eval.FieldValues;
import io.peregrine.rules.engine.eval.SlotTable;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.peregrine.protocol.projection.ProjectionFormat.*;

/**
 * The evaluator's view of one projected record: slot i of the compiled ruleset is found in the
 * record by field id and argument (among its event values, then its thread-context values, which
 * may be those of an earlier record of the frame), once per event and only when a rule asks for
 * it. Reused from event to event; nothing is allocated per event once the text holders have grown
 * to the widest list seen.
 */
final class ProjectedFieldValues implements FieldValues {

    private final ProjectedEventView view = new ProjectedEventView();
    private SlotTable table;
    private int[] fieldIds = new int[0];
    private byte[][] args = new byte[0][];
    private long[] position = new long[0]; // value offset, -1 absent
    private int[] resolvedAt = new int[0];  // generation in which position[] was filled
    private int generation;
    private SegmentText[][] texts = new SegmentText[0][];
    private StringBuilder[] addresses = new StringBuilder[0];

    /** Points the slots at a compiled ruleset's slot table (when the ruleset changes). */
    void bind(SlotTable slots) {
        if (slots == table) {
            return;
        }
        table = slots;
        List<FieldRef> refs = slots.refs();
        int n = refs.size();
        fieldIds = new int[n];
        args = new byte[n][];
        position = new long[n];
        resolvedAt = new int[n];
        texts = new SegmentText[n][];
        addresses = new StringBuilder[n];
        for (int i = 0; i < n; i++) {
            FieldRef r = refs.get(i);
            fieldIds[i] = r.field().id();
            args[i] = r.arg() == null ? null : r.arg().getBytes(StandardCharsets.UTF_8);
            texts[i] = new SegmentText[] {new SegmentText()};
            addresses[i] = new StringBuilder(48);
        }
        generation++;
    }

    /** Starts a frame: its records are then wrapped and validated in order (context references). */
    void beginFrame(java.lang.foreign.MemorySegment seg, long payloadStart) {
        view.beginFrame(seg, payloadStart);
    }

    ProjectedEventView wrap(java.lang.foreign.MemorySegment seg, long offset) {
        view.wrap(seg, offset);
        if (++generation == 0) {
            java.util.Arrays.fill(resolvedAt, -1);
            generation = 1;
        }
        return view;
    }

    private long value(int slot) {
        if (resolvedAt[slot] != generation) {
            resolvedAt[slot] = generation;
            position[slot] = view.find(fieldIds[slot], args[slot]);
        }
        return position[slot];
    }

    @Override
    public int eventType() {
        return view.eventType();
    }

    @Override
    public long timeNanos() {
        return view.ts();
    }

    @Override
    public int count(int slot) {
        long v = value(slot);
        if (v < 0) {
            return 0;
        }
        long p = view.valuePayload(v);
        return switch (view.valueTag(v)) {
            case TAG_ABSENT -> 0;
            case TAG_LIST -> view.listCountAt(p);
            default -> 1;
        };
    }

    /** The payload offset and tag of element {@code index} of a slot: {tagOffset} of the item. */
    private long item(int slot, int index) {
        long v = value(slot);
        long p = view.valuePayload(v);
        if (view.valueTag(v) != TAG_LIST) {
            return p - 1; // the tag byte of a single value
        }
        long it = view.listFirstItem(p);
        for (int i = 0; i < index; i++) {
            it = view.listNextItem(it);
        }
        return it;
    }

    @Override
    public long number(int slot, int index) {
        long tagAt = item(slot, index);
        int tag = Byte.toUnsignedInt(view.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, tagAt));
        long p = tagAt + 1;
        return switch (tag) {
            case TAG_INT64, TAG_UINT64 -> view.int64At(p);
            case TAG_BOOL -> view.boolAt(p) ? 1 : 0;
            default -> 0;
        };
    }

    @Override
    public CharSequence text(int slot, int index) {
        long tagAt = item(slot, index);
        int tag = Byte.toUnsignedInt(view.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, tagAt));
        long p = tagAt + 1;
        switch (tag) {
            case TAG_BYTES:
                return holder(slot, index).set(view.segment(), view.bytesOffsetAt(p), view.bytesLengthAt(p));
            case TAG_IP:
                return address(slot, p);
            case TAG_INT64:
            case TAG_UINT64: {
                StringBuilder b = addresses[slot];
                b.setLength(0);
                if (tag == TAG_UINT64) {
                    b.append(Long.toUnsignedString(view.int64At(p)));
                } else {
                    b.append(view.int64At(p));
                }
                return b;
            }
            case TAG_BOOL: {
                StringBuilder b = addresses[slot];
                b.setLength(0);
                b.append(view.boolAt(p));
                return b;
            }
            default:
                return "";
        }
    }

    private SegmentText holder(int slot, int index) {
        SegmentText[] h = texts[slot];
        if (index >= h.length) {
            h = texts[slot] = java.util.Arrays.copyOf(h, index + 1);
        }
        if (h[index] == null) {
            h[index] = new SegmentText();
        }
        return h[index];
    }

    private CharSequence address(int slot, long p) {
        StringBuilder b = addresses[slot];
        b.setLength(0);
        int n = view.ipLengthAt(p);
        long a = view.ipOffsetAt(p);
        var seg = view.segment();
        if (n == 4) {
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    b.append('.');
                }
                b.append(seg.get(java.lang.foreign.ValueLayout.JAVA_BYTE, a + i) & 0xff);
            }
        } else if (n == 16) {
            // the text alerts show: libsinsp's (RFC 5952) form
            io.peregrine.protocol.scap.Inet6Text.append(b, seg, a);
        }
        return b;
    }
}
