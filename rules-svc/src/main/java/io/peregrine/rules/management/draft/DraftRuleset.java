package io.peregrine.rules.management.draft;

import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.compile.RuleCompiler;
import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.RuleFileItem;
import io.peregrine.rules.language.loader.RuleFileReader;
import io.peregrine.rules.language.loader.RuleLoadException;
import io.peregrine.rules.language.loader.SourcePosition;
import io.peregrine.rules.language.ruleset.MacroDefinition;
import io.peregrine.rules.language.ruleset.RuleDefinition;
import io.peregrine.rules.language.ruleset.Ruleset;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole ruleset made of stored items, checked by the engine before anything is stored or put
 * in force: every item is read as a rules file of its own (so that an error names its item), the
 * items are merged in order with Falco's semantics, and the result is compiled.
 */
public final class DraftRuleset {

    /** Items already read on their own and found to be one complete definition (reading is the slow part). */
    private static final Map<ItemSource, Boolean> CHECKED = new java.util.concurrent.ConcurrentHashMap<>();

    /** A ruleset the engine accepted. */
    public record Validated(List<ItemSource> items, Ruleset ruleset, CompiledRuleset compiled) {
        public List<String> warnings() {
            return compiled.warnings();
        }
    }

    private DraftRuleset() {
    }

    public static Validated validate(List<ItemSource> items, int maxItems, int maxDepth) {
        if (items.size() > maxItems) {
            throw new RulesetProblem(new Finding(null, null, null, 0, 0, "the ruleset would hold " + items.size()
                    + " items; at most " + maxItems + " are allowed (peregrine.rules.max-items)"), true);
        }
        for (ItemSource item : items) {
            if (!CHECKED.containsKey(item)) {
                try {
                    checkShape(item, item.kind().fileOf(item.name()));
                } catch (RuleLoadException e) {
                    SourcePosition p = e.position();
                    throw new RulesetProblem(new Finding(item.kind(), item.name(), p.file(), p.line(), p.column(),
                            e.reason()), false);
                }
                if (CHECKED.size() > 100_000) {
                    CHECKED.clear();
                }
                CHECKED.put(item, Boolean.TRUE);
            }
        }
        CombinedText all = CombinedText.of(items);
        Ruleset built;
        try {
            built = new RulesetBuilder().add(CombinedText.FILE, all.text).build();
        } catch (RuleLoadException e) {
            throw new RulesetProblem(all.locate(e.position(), e.reason()), false);
        }
        Map<String, Boolean> enabled = new HashMap<>();
        for (ItemSource i : items) {
            if (i.kind() == ItemKind.RULE) {
                enabled.put(i.name(), i.enabled());
            }
        }
        List<RuleDefinition> rules = new ArrayList<>();
        for (RuleDefinition r : built.rules()) {
            rules.add(r.withEnabled(enabled.getOrDefault(r.name(), r.enabled())));
        }
        Ruleset ruleset = new Ruleset(rules, built.macros(), built.lists(), built.warnings());
        return new Validated(List.copyOf(items), ruleset, compile(ruleset, maxDepth, all));
    }

    /**
     * Compiles a merged ruleset, refusing conditions nested deeper than {@code maxDepth} first.
     * {@code stored} names the stored item behind a position (others are in files being imported).
     */
    static CompiledRuleset compile(Ruleset ruleset, int maxDepth, CombinedText stored) {
        for (MacroDefinition m : ruleset.macros().values()) {
            checkDepth(m.condition(), maxDepth, stored);
        }
        for (RuleDefinition r : ruleset.rules()) {
            checkDepth(r.condition(), maxDepth, stored);
        }
        try {
            return RuleCompiler.compile(ruleset);
        } catch (RuleLoadException e) {
            throw new RulesetProblem(stored.locate(e.position(), e.reason()), false);
        } catch (StackOverflowError e) {
            // Depth was checked per condition; macros nested through each other can still go deep.
            throw new RulesetProblem(new Finding(null, null, null, 0, 0,
                    "the ruleset nests macros too deeply to compile"), true);
        }
    }

    /** An item must be one complete definition of its kind and name: no append or override fragments. */
    private static void checkShape(ItemSource item, String file) {
        List<RuleFileItem> read = RuleFileReader.read(file, item.source(), w -> { });
        if (read.size() != 1) {
            throw new RuleLoadException(new SourcePosition(file, 1, 1), "an item must hold exactly one "
                    + item.kind().word() + ", found " + read.size() + " items");
        }
        RuleFileItem one = read.get(0);
        String name;
        boolean fragment;
        switch (one) {
            case RuleFileItem.RuleItem r -> {
                name = r.name();
                fragment = r.append() || !r.override().isEmpty();
                if (item.kind() != ItemKind.RULE) {
                    throw wrongKind(item, one, "rule");
                }
            }
            case RuleFileItem.MacroItem m -> {
                name = m.name();
                fragment = m.append() || m.overrideCondition() != null;
                if (item.kind() != ItemKind.MACRO) {
                    throw wrongKind(item, one, "macro");
                }
            }
            case RuleFileItem.ListItem l -> {
                name = l.name();
                fragment = l.append() || l.overrideItems() != null;
                if (item.kind() != ItemKind.LIST) {
                    throw wrongKind(item, one, "list");
                }
            }
            default -> throw new RuleLoadException(one.position(), "an item must be a rule, a macro or a list");
        }
        if (!name.equals(item.name())) {
            throw new RuleLoadException(one.position(), "the item is named '" + name + "' but is stored as '"
                    + item.name() + "'");
        }
        if (item.source().lines().anyMatch(l -> l.startsWith("---") || l.startsWith("..."))) {
            throw new RuleLoadException(one.position(), "an item must not hold YAML document markers (--- or ...)");
        }
        if (fragment) {
            throw new RuleLoadException(one.position(), "'append' and 'override' change an item defined in an "
                    + "earlier file; send the complete " + item.kind().word() + " here, or use the import endpoint");
        }
    }

    private static RuleLoadException wrongKind(ItemSource item, RuleFileItem one, String found) {
        return new RuleLoadException(one.position(), "expected a " + item.kind().word() + ", found a " + found);
    }

    private static void checkDepth(PositionedText condition, int maxDepth, CombinedText stored) {
        if (condition == null) {
            return;
        }
        int at = ConditionDepth.exceeds(condition.text(), maxDepth);
        if (at >= 0) {
            throw new RulesetProblem(stored.locate(condition.position(at), "condition nests deeper than " + maxDepth
                    + " levels of parentheses and 'not' (peregrine.rules.max-condition-depth)"), true);
        }
    }
}
