package io.peregrine.rules.language.ruleset;

import io.peregrine.protocol.alert.Priority;
import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.RuleFileItem.EngineVersionItem;
import io.peregrine.rules.language.loader.RuleFileItem.ExceptionItem;
import io.peregrine.rules.language.loader.RuleFileItem.ListItem;
import io.peregrine.rules.language.loader.RuleFileItem.MacroItem;
import io.peregrine.rules.language.loader.RuleFileItem.PluginRequirement;
import io.peregrine.rules.language.loader.RuleFileItem.PluginVersionsItem;
import io.peregrine.rules.language.loader.RuleFileItem.RuleItem;
import io.peregrine.rules.language.loader.RuleFileItem.YamlValue;
import io.peregrine.rules.language.loader.RuleFileItem;
import io.peregrine.rules.language.loader.RuleFileReader;
import io.peregrine.rules.language.loader.RuleLoadException;
import io.peregrine.rules.language.loader.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges rules files, in order, with Falco's semantics: a later definition of a list, macro or
 * rule replaces the earlier one (a rule keeps its place in the order); {@code append: true} and
 * {@code override} extend or replace keys of an item defined earlier (in the same or an earlier
 * file); a rule item holding only {@code enabled} switches an existing rule on or off. Macros and
 * lists are resolved later, at compile time, so their order does not matter.
 */
public final class RulesetBuilder {

    /** Falco rules engine version whose file format and fields Peregrine implements. */
    public static final String ENGINE_VERSION = "0.57.0";

    /** Plugins whose fields Peregrine provides natively, with the plugin version they match. */
    public static final Map<String, String> BUILT_IN_PLUGINS = Map.of("container", "0.4.0");

    private final Map<String, RuleDefinition> rules = new LinkedHashMap<>();
    private final Map<String, MacroDefinition> macros = new LinkedHashMap<>();
    private final Map<String, ListDefinition> lists = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** Adds one file; throws {@link RuleLoadException} with the position of the first problem. */
    public RulesetBuilder add(String file, String text) {
        for (RuleFileItem item : RuleFileReader.read(file, text, warnings::add)) {
            switch (item) {
                case EngineVersionItem e -> engineVersion(e);
                case PluginVersionsItem p -> plugins(p);
                case ListItem l -> list(l);
                case MacroItem m -> macro(m);
                case RuleItem r -> rule(r);
            }
        }
        return this;
    }

    public Ruleset build() {
        return new Ruleset(List.copyOf(rules.values()), Map.copyOf(macros), Map.copyOf(lists), List.copyOf(warnings));
    }

    private void engineVersion(EngineVersionItem e) {
        int[] need = version(e.version(), e.position());
        int[] have = version(ENGINE_VERSION, e.position());
        if (compare(need, have) > 0) {
            throw new RuleLoadException(e.position(), "this file needs rules engine version " + e.version()
                    + " but Peregrine implements " + ENGINE_VERSION);
        }
    }

    private void plugins(PluginVersionsItem p) {
        for (PluginRequirement r : p.plugins()) {
            if (!satisfied(r)) {
                for (PluginRequirement a : r.alternatives()) {
                    if (satisfied(a)) {
                        return;
                    }
                }
                String have = BUILT_IN_PLUGINS.get(r.name());
                throw new RuleLoadException(r.position(), have == null
                        ? "plugin '" + r.name() + "' required by this file is not available (Peregrine provides "
                          + BUILT_IN_PLUGINS.keySet() + ")"
                        : "plugin '" + r.name() + "' " + r.version() + " required, Peregrine provides " + have);
            }
        }
    }

    private static boolean satisfied(PluginRequirement r) {
        String have = BUILT_IN_PLUGINS.get(r.name());
        return have != null && compare(version(r.version(), r.position()), version(have, r.position())) <= 0;
    }

    private static int[] version(String v, SourcePosition pos) {
        String[] parts = v.trim().split("\\.");
        if (parts.length == 1) {
            // Legacy integer engine versions (e.g. 9) predate semantic versions: 0.N.0.
            parts = new String[] {"0", parts[0], "0"};
        }
        if (parts.length != 3) {
            throw new RuleLoadException(pos, "version '" + v + "' must be MAJOR.MINOR.PATCH");
        }
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].replaceAll("[-+].*$", ""));
            } catch (NumberFormatException e) {
                throw new RuleLoadException(pos, "version '" + v + "' must be MAJOR.MINOR.PATCH");
            }
        }
        return out;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private void list(ListItem l) {
        ListDefinition old = lists.get(l.name());
        String mode = l.append() ? "append" : l.overrideItems();
        if (mode == null) {
            lists.put(l.name(), new ListDefinition(l.name(), l.items(), l.position()));
            return;
        }
        if (old == null) {
            throw new RuleLoadException(l.position(), "list '" + l.name() + "' has '" + (l.append() ? "append" : "override")
                    + "' but no list of that name is defined before it");
        }
        List<PositionedText> items = new ArrayList<>();
        if (mode.equals("append")) {
            items.addAll(old.items());
        }
        items.addAll(l.items());
        lists.put(l.name(), new ListDefinition(l.name(), items, old.position()));
    }

    private void macro(MacroItem m) {
        MacroDefinition old = macros.get(m.name());
        String mode = m.append() ? "append" : m.overrideCondition();
        if (mode == null) {
            macros.put(m.name(), new MacroDefinition(m.name(), m.condition(), m.position()));
            return;
        }
        if (old == null) {
            throw new RuleLoadException(m.position(), "macro '" + m.name() + "' has '" + (m.append() ? "append" : "override")
                    + "' but no macro of that name is defined before it");
        }
        PositionedText cond = mode.equals("append") ? old.condition().append(" ", m.condition()) : m.condition();
        macros.put(m.name(), new MacroDefinition(m.name(), cond, old.position()));
    }

    private void rule(RuleItem r) {
        RuleDefinition old = rules.get(r.name());
        if (r.append()) {
            if (old == null) {
                throw new RuleLoadException(r.position(), "rule '" + r.name()
                        + "' has 'append' but no rule of that name is defined before it");
            }
            for (String k : r.keys()) {
                if (!Set.of("rule", "append", "condition", "exceptions").contains(k)) {
                    throw new RuleLoadException(r.positionOf(k), "key '" + k + "' cannot be appended with "
                            + "'append: true' (only condition and exceptions); use override instead");
                }
            }
            PositionedText cond = r.condition() == null ? old.condition() : old.condition().append(" ", r.condition());
            rules.put(r.name(), copy(old, old.desc(), cond, old.output(), old.priority(), old.tags(), old.enabled(),
                    r.exceptions() == null ? old.exceptions() : appendExceptions(old.exceptions(), r.exceptions()),
                    old.warnEvttypes(), old.skipIfUnknownFilter()));
            return;
        }
        if (!r.override().isEmpty()) {
            if (old == null) {
                throw new RuleLoadException(r.position(), "rule '" + r.name()
                        + "' has 'override' but no rule of that name is defined before it");
            }
            for (String k : r.keys()) {
                if (!k.equals("rule") && !k.equals("override") && !r.override().containsKey(k)) {
                    throw new RuleLoadException(r.positionOf(k), "key '" + k + "' of rule '" + r.name()
                            + "' must be listed under 'override' (append or replace)");
                }
            }
            RuleDefinition n = old;
            for (Map.Entry<String, String> e : r.override().entrySet()) {
                n = overrideKey(n, r, e.getKey(), e.getValue().equals("append"));
            }
            rules.put(r.name(), n);
            return;
        }
        if (old != null && r.keys().equals(Set.of("rule", "enabled"))) {
            rules.put(r.name(), old.withEnabled(r.enabled()));
            return;
        }
        if (old == null && r.keys().equals(Set.of("rule", "enabled"))) {
            throw new RuleLoadException(r.position(), "rule '" + r.name()
                    + "' only sets 'enabled' but no rule of that name is defined before it");
        }
        for (String k : List.of("condition", "output", "desc", "priority")) {
            if (!r.keys().contains(k)) {
                throw new RuleLoadException(r.position(), "rule '" + r.name() + "' has no '" + k + "'");
            }
        }
        RuleDefinition def = new RuleDefinition(r.name(), r.desc(), r.condition(), r.output(),
                priority(r), r.source() == null ? "syscall" : r.source(), r.tags() == null ? List.of() : r.tags(),
                r.enabled() == null || r.enabled(), r.exceptions() == null ? List.of() : r.exceptions(),
                r.warnEvttypes() == null || r.warnEvttypes(),
                r.skipIfUnknownFilter() != null && r.skipIfUnknownFilter(), r.position());
        rules.put(r.name(), def);   // a redefinition keeps the first definition's place
    }

    private static Priority priority(RuleItem r) {
        Priority p = Priority.parse(r.priority());
        if (p == null) {
            throw new RuleLoadException(r.positionOf("priority"), "priority '" + r.priority()
                    + "' is not one of emergency, alert, critical, error, warning, notice, informational, debug");
        }
        return p;
    }

    private RuleDefinition overrideKey(RuleDefinition o, RuleItem r, String key, boolean append) {
        return switch (key) {
            case "condition" -> copy(o, o.desc(), append ? o.condition().append(" ", r.condition()) : r.condition(),
                    o.output(), o.priority(), o.tags(), o.enabled(), o.exceptions(), o.warnEvttypes(), o.skipIfUnknownFilter());
            case "output" -> copy(o, o.desc(), o.condition(), append ? o.output().append(" ", r.output()) : r.output(),
                    o.priority(), o.tags(), o.enabled(), o.exceptions(), o.warnEvttypes(), o.skipIfUnknownFilter());
            case "desc" -> copy(o, append ? o.desc().append(" ", r.desc()) : r.desc(), o.condition(), o.output(),
                    o.priority(), o.tags(), o.enabled(), o.exceptions(), o.warnEvttypes(), o.skipIfUnknownFilter());
            case "priority" -> copy(o, o.desc(), o.condition(), o.output(), priority(r), o.tags(), o.enabled(),
                    o.exceptions(), o.warnEvttypes(), o.skipIfUnknownFilter());
            case "tags" -> {
                List<String> t = new ArrayList<>(append ? o.tags() : List.of());
                for (String s : r.tags()) {
                    if (!t.contains(s)) {
                        t.add(s);
                    }
                }
                yield copy(o, o.desc(), o.condition(), o.output(), o.priority(), t, o.enabled(), o.exceptions(),
                        o.warnEvttypes(), o.skipIfUnknownFilter());
            }
            case "exceptions" -> copy(o, o.desc(), o.condition(), o.output(), o.priority(), o.tags(), o.enabled(),
                    append ? appendExceptions(o.exceptions(), r.exceptions()) : r.exceptions(), o.warnEvttypes(),
                    o.skipIfUnknownFilter());
            case "enabled" -> o.withEnabled(r.enabled());
            case "warn_evttypes" -> copy(o, o.desc(), o.condition(), o.output(), o.priority(), o.tags(), o.enabled(),
                    o.exceptions(), r.warnEvttypes(), o.skipIfUnknownFilter());
            case "skip-if-unknown-filter" -> copy(o, o.desc(), o.condition(), o.output(), o.priority(), o.tags(),
                    o.enabled(), o.exceptions(), o.warnEvttypes(), r.skipIfUnknownFilter());
            default -> o;     // capture keys: accepted, no effect in Peregrine
        };
    }

    /** Appending exceptions: values join an exception of the same name; new names are added whole. */
    private static List<ExceptionItem> appendExceptions(List<ExceptionItem> old, List<ExceptionItem> add) {
        List<ExceptionItem> out = new ArrayList<>(old);
        for (ExceptionItem a : add) {
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).name().equals(a.name())) {
                    at = i;
                }
            }
            if (at < 0) {
                if (a.fields().isEmpty()) {
                    throw new RuleLoadException(a.position(), "exception '" + a.name()
                            + "' is new here and needs 'fields'");
                }
                out.add(a);
            } else {
                ExceptionItem e = out.get(at);
                List<YamlValue> values = new ArrayList<>(e.values());
                values.addAll(a.values());
                out.set(at, new ExceptionItem(e.name(), e.fields(), e.fieldsIsList(), e.comps(), values, e.position()));
            }
        }
        return out;
    }

    private static RuleDefinition copy(RuleDefinition o, PositionedText desc, PositionedText cond, PositionedText out,
                                       Priority p, List<String> tags, boolean enabled, List<ExceptionItem> exc,
                                       boolean warn, boolean skip) {
        return new RuleDefinition(o.name(), desc, cond, out, p, o.source(), tags, enabled, exc, warn, skip, o.position());
    }
}
