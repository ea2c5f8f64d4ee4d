package io.peregrine.rules.engine.eval;

import io.peregrine.protocol.fields.FieldRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the field references a ruleset reads: slot i holds the value of {@code refs().get(i)}.
 * References that read the same value ({@code evt.arg.fd} and {@code evt.arg[fd]}) share a slot.
 */
public final class SlotTable {

    private final Map<String, Integer> byText = new HashMap<>();
    private final List<FieldRef> refs = new ArrayList<>();

    public int slot(FieldRef ref) {
        return byText.computeIfAbsent(ref.text(), k -> {
            refs.add(ref);
            return refs.size() - 1;
        });
    }

    /** The slot of a reference written as text ({@code proc.aname[2]}), or -1. */
    public int find(String text) {
        io.peregrine.protocol.fields.FieldRef r = io.peregrine.protocol.fields.FieldCatalog.resolve(text);
        Integer s = r == null ? null : byText.get(r.text());
        return s == null ? -1 : s;
    }

    public List<FieldRef> refs() {
        return List.copyOf(refs);
    }

    public int size() {
        return refs.size();
    }
}
