package io.peregrine.rules.management.draft;

import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.ruleset.ListDefinition;
import io.peregrine.rules.language.ruleset.MacroDefinition;
import io.peregrine.rules.language.ruleset.RuleDefinition;
import io.peregrine.rules.language.ruleset.Ruleset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parsed form of an item, as the API shows it and the store keeps it next to the source. */
public final class Definitions {

    private Definitions() {
    }

    public static Map<String, Object> describe(ItemKind kind, String name, Ruleset ruleset) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (kind) {
            case LIST -> {
                ListDefinition l = ruleset.lists().get(name);
                if (l != null) {
                    m.put("items", l.items().stream().map(PositionedText::text).toList());
                }
            }
            case MACRO -> {
                MacroDefinition d = ruleset.macros().get(name);
                if (d != null) {
                    m.put("condition", d.condition().text());
                }
            }
            case RULE -> {
                for (RuleDefinition r : ruleset.rules()) {
                    if (r.name().equals(name)) {
                        m.put("desc", r.desc() == null ? null : r.desc().text());
                        m.put("condition", r.condition().text());
                        m.put("output", r.output() == null ? null : r.output().text());
                        m.put("priority", r.priority().falcoName());
                        m.put("source", r.source());
                        m.put("tags", r.tags());
                        m.put("enabled", r.enabled());
                        m.put("exceptions", r.exceptions().stream().map(e -> e.name()).toList());
                        break;
                    }
                }
            }
        }
        return m;
    }
}
