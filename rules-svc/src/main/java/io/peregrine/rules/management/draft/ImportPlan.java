package io.peregrine.rules.management.draft;

import io.peregrine.rules.language.loader.RuleLoadException;
import io.peregrine.rules.language.loader.SourcePosition;
import io.peregrine.rules.language.ruleset.ListDefinition;
import io.peregrine.rules.language.ruleset.MacroDefinition;
import io.peregrine.rules.language.ruleset.RuleDefinition;
import io.peregrine.rules.language.ruleset.Ruleset;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What importing Falco rules files does to the stored ruleset. The files are merged with Falco's
 * semantics after the stored items ({@code merge}: they may append to or override stored items)
 * or on their own ({@code replace}: the result is exactly what the files define). Every merged
 * item becomes one complete stored item; an item whose merged definition did not change keeps the
 * text it was stored with.
 */
public record ImportPlan(List<ItemSource> items, List<String> added, List<String> changed, List<String> removed,
                         int unchanged) {

    public boolean empty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    public static ImportPlan of(List<ItemSource> current, List<RuleFile> files, boolean replace, int maxDepth) {
        Map<String, ItemSource> currentByKey = new LinkedHashMap<>();
        for (ItemSource i : current) {
            currentByKey.put(key(i.kind(), i.name()), i);
        }
        Map<String, ItemSource> before = canonical(merge(CombinedText.of(current), current, List.of()));
        CombinedText stored = CombinedText.of(replace ? List.of() : current);
        Ruleset merged = merge(stored, replace ? List.of() : current, files);
        // Compiled here, before the items are rewritten, so that errors point into the files as sent.
        DraftRuleset.compile(merged, maxDepth, stored);
        Map<String, Integer> fileOrder = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            fileOrder.put(files.get(i).name(), i);
        }
        Comparator<SourcePosition> byPlace = Comparator.<SourcePosition>comparingInt(
                        p -> fileOrder.getOrDefault(p.file(), -1))
                .thenComparingInt(SourcePosition::line).thenComparingInt(SourcePosition::column);
        List<ItemSource> fresh = new ArrayList<>();
        merged.lists().values().stream().sorted(Comparator.comparing(ListDefinition::position, byPlace))
                .forEach(l -> fresh.add(FalcoYaml.of(l)));
        merged.macros().values().stream().sorted(Comparator.comparing(MacroDefinition::position, byPlace))
                .forEach(m -> fresh.add(FalcoYaml.of(m)));
        for (RuleDefinition r : merged.rules()) {
            fresh.add(FalcoYaml.of(r));
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int unchanged = 0;
        Map<String, ItemSource> result = new LinkedHashMap<>();
        if (!replace) {
            result.putAll(currentByKey);      // stored items keep their place
        }
        for (ItemSource f : fresh) {
            String k = key(f.kind(), f.name());
            ItemSource old = currentByKey.get(k);
            ItemSource was = before.get(k);
            if (old != null && was != null && was.sameAs(f)) {
                unchanged++;
                result.put(k, old);
            } else {
                (old == null ? added : changed).add(k);
                result.put(k, f);
            }
        }
        if (replace) {
            for (String k : currentByKey.keySet()) {
                if (!result.containsKey(k)) {
                    removed.add(k);
                }
            }
        }
        return new ImportPlan(List.copyOf(result.values()), added, changed, removed, unchanged);
    }

    /** The items of a ruleset in their canonical (rewritten) form, by key. */
    private static Map<String, ItemSource> canonical(Ruleset r) {
        Map<String, ItemSource> out = new HashMap<>();
        r.lists().values().forEach(l -> out.put(key(ItemKind.LIST, l.name()), FalcoYaml.of(l)));
        r.macros().values().forEach(m -> out.put(key(ItemKind.MACRO, m.name()), FalcoYaml.of(m)));
        r.rules().forEach(d -> out.put(key(ItemKind.RULE, d.name()), FalcoYaml.of(d)));
        return out;
    }

    private static Ruleset merge(CombinedText stored, List<ItemSource> items, List<RuleFile> files) {
        RulesetBuilder b = new RulesetBuilder();
        try {
            StringBuilder switches = new StringBuilder();
            for (ItemSource i : items) {
                if (i.kind() == ItemKind.RULE && FalcoYaml.ownEnabled(i) != i.enabled()) {
                    switches.append("- rule: ").append(quoted(i.name())).append("\n  override:\n    enabled: replace\n")
                            .append("  enabled: ").append(i.enabled()).append('\n');
                }
            }
            if (!items.isEmpty()) {
                b.add(CombinedText.FILE, stored.text);
            }
            if (!switches.isEmpty()) {
                b.add("(enabled switches)", switches.toString());
            }
            for (RuleFile f : files) {
                b.add(f.name(), f.content());
            }
        } catch (RuleLoadException e) {
            throw new RulesetProblem(stored.locate(e.position(), e.reason()), false);
        }
        return b.build();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static String key(ItemKind kind, String name) {
        return kind.word() + " " + name;
    }
}
