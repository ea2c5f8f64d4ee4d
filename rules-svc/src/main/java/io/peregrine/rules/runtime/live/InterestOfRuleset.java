package io.peregrine.rules.runtime.live;

import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.rules.engine.compile.CompiledInterest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Turns the compiler's interest (type codes, slots) into the KV contract (type names, field names). */
public final class InterestOfRuleset {

    private InterestOfRuleset() {
    }

    public static Interest of(CompiledInterest compiled) {
        Map<String, Set<String>> byType = new LinkedHashMap<>();
        for (int t : compiled.eventTypes()) {
            String name = EventTypes.name(t);
            if (name == null) {
                continue;
            }
            Set<String> fields = byType.computeIfAbsent(name, k -> new TreeSet<>());
            for (int s : compiled.slotsFor(t)) {
                fields.add(compiled.slots().get(s).text());
            }
        }
        // Every known type (code 0 is "unknown"): some rule does not restrict evt.type.
        boolean all = compiled.eventTypes().length >= EventTypes.size() - 1;
        return Interest.of(all, byType);
    }
}
