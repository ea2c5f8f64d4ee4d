package io.peregrine.rules.draft;

import io.peregrine.rules.compile.CompiledRuleset;
import io.peregrine.rules.compile.RuleCompiler;
import io.peregrine.rules.loader.PositionedText;
import io.peregrine.rules.loader.RuleFileItem;
import io.peregrine.rules.loader.RuleFileReader;
import io.peregrine.rules.loader.RuleLoadException;
import io.peregrine.rules.loader.SourcePosition;
import io.peregrine.rules.ruleset.MacroDefinition;
import io.peregrine.rules.ruleset.RuleDefinition;
import io.peregrine.rules.ruleset.Ruleset;
import io.peregrine.rules.ruleset.RulesetBuilder;
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
        Map<String, ItemSource> byFile = new HashMap<>();
        RulesetBuilder builder = new RulesetBuilder();
        for (ItemSource item : items) {
            String file = item.kind().fileOf(item.name());
            byFile.put(file, item);
            try {
                checkShape(item, file);
                builder.add(file, item.source());
            } catch (RuleLoadException e) {
                throw problem(e, byFile);
            }
        }
        Ruleset built = builder.build();
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
        return new Validated(List.copyOf(items), ruleset, compile(ruleset, maxDepth, byFile));
    }

    /**
     * Compiles a merged ruleset, refusing conditions nested deeper than {@code maxDepth} first.
     * {@code byFile} names the stored item behind each file name (others are files being imported).
     */
    public static CompiledRuleset compile(Ruleset ruleset, int maxDepth, Map<String, ItemSource> byFile) {
        for (MacroDefinition m : ruleset.macros().values()) {
            checkDepth(m.condition(), maxDepth, byFile);
        }
        for (RuleDefinition r : ruleset.rules()) {
            checkDepth(r.condition(), maxDepth, byFile);
        }
        try {
            return RuleCompiler.compile(ruleset);
        } catch (RuleLoadException e) {
            throw problem(e, byFile);
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
        if (fragment) {
            throw new RuleLoadException(one.position(), "'append' and 'override' change an item defined in an "
                    + "earlier file; send the complete " + item.kind().word() + " here, or use the import endpoint");
        }
    }

    private static RuleLoadException wrongKind(ItemSource item, RuleFileItem one, String found) {
        return new RuleLoadException(one.position(), "expected a " + item.kind().word() + ", found a " + found);
    }

    private static void checkDepth(PositionedText condition, int maxDepth, Map<String, ItemSource> byFile) {
        if (condition == null) {
            return;
        }
        int at = ConditionDepth.exceeds(condition.text(), maxDepth);
        if (at >= 0) {
            SourcePosition p = condition.position(at);
            ItemSource item = byFile.get(p.file());
            throw new RulesetProblem(new Finding(item == null ? null : item.kind(), item == null ? null : item.name(),
                    p.file(), p.line(), p.column(), "condition nests deeper than " + maxDepth
                    + " levels of parentheses and 'not' (peregrine.rules.max-condition-depth)"), true);
        }
    }

    private static RulesetProblem problem(RuleLoadException e, Map<String, ItemSource> byFile) {
        SourcePosition p = e.position();
        ItemSource item = p == null ? null : byFile.get(p.file());
        return new RulesetProblem(new Finding(item == null ? null : item.kind(), item == null ? null : item.name(),
                p == null ? null : p.file(), p == null ? 0 : p.line(), p == null ? 0 : p.column(), e.reason()), false);
    }
}
