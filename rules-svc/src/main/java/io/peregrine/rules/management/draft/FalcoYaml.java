package io.peregrine.rules.management.draft;

import io.peregrine.rules.language.loader.PositionedText;
import io.peregrine.rules.language.loader.RuleFileItem.ExceptionItem;
import io.peregrine.rules.language.loader.RuleFileItem.YamlValue;
import io.peregrine.rules.language.loader.RuleFileItem;
import io.peregrine.rules.language.loader.RuleFileReader;
import io.peregrine.rules.language.ruleset.ListDefinition;
import io.peregrine.rules.language.ruleset.MacroDefinition;
import io.peregrine.rules.language.ruleset.RuleDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes items as Falco rule-file YAML: a merged definition as one complete item (what an import
 * stores), and a whole ruleset as one file that Falco loads (what export returns).
 */
public final class FalcoYaml {

    private FalcoYaml() {
    }

    public static ItemSource of(ListDefinition l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("list", l.name());
        m.put("items", l.items().stream().map(PositionedText::text).toList());
        return new ItemSource(ItemKind.LIST, l.name(), dump(m), true);
    }

    public static ItemSource of(MacroDefinition d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("macro", d.name());
        m.put("condition", d.condition().text());
        return new ItemSource(ItemKind.MACRO, d.name(), dump(m), true);
    }

    public static ItemSource of(RuleDefinition r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", r.name());
        m.put("desc", r.desc() == null ? "" : r.desc().text());
        m.put("condition", r.condition().text());
        m.put("output", r.output() == null ? "" : r.output().text());
        m.put("priority", r.priority().name());
        if (!r.source().equals("syscall")) {
            m.put("source", r.source());
        }
        if (!r.tags().isEmpty()) {
            m.put("tags", r.tags());
        }
        if (!r.enabled()) {
            m.put("enabled", false);
        }
        if (!r.exceptions().isEmpty()) {
            List<Object> ex = new ArrayList<>();
            for (ExceptionItem e : r.exceptions()) {
                ex.add(exception(e));
            }
            m.put("exceptions", ex);
        }
        if (!r.warnEvttypes()) {
            m.put("warn_evttypes", false);
        }
        if (r.skipIfUnknownFilter()) {
            m.put("skip-if-unknown-filter", true);
        }
        return new ItemSource(ItemKind.RULE, r.name(), dump(m), r.enabled());
    }

    private static Map<String, Object> exception(ExceptionItem e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        List<String> fields = e.fields().stream().map(PositionedText::text).toList();
        if (!fields.isEmpty()) {
            m.put("fields", e.fieldsIsList() ? fields : fields.get(0));
        }
        List<String> comps = e.comps().stream().map(PositionedText::text).toList();
        if (!comps.isEmpty()) {
            m.put("comps", e.fieldsIsList() ? comps : comps.get(0));
        }
        if (!e.values().isEmpty()) {
            m.put("values", e.values().stream().map(FalcoYaml::value).toList());
        }
        return m;
    }

    private static Object value(YamlValue v) {
        return switch (v) {
            case RuleFileItem.Scalar s -> s.text().text();
            case RuleFileItem.Sequence s -> s.items().stream().map(FalcoYaml::value).toList();
        };
    }

    /** Building a Yaml is costly and it is not thread-safe: one per thread. */
    private static final ThreadLocal<Yaml> DUMPER = ThreadLocal.withInitial(() -> {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setWidth(120);
        return new Yaml(o);
    });

    private static final Map<String, Boolean> OWN_ENABLED = new java.util.concurrent.ConcurrentHashMap<>();

    private static String dump(Map<String, Object> item) {
        return DUMPER.get().dump(List.of(item));
    }

    /**
     * One Falco rules file holding the items in order. A rule switched on or off over the API,
     * against its own YAML, gets an {@code override} of {@code enabled} after all items.
     */
    public static String export(List<ItemSource> items, String header) {
        StringBuilder b = new StringBuilder();
        for (String line : header.split("\n")) {
            b.append("# ").append(line).append('\n');
        }
        List<ItemSource> switched = new ArrayList<>();
        for (ItemSource i : items) {
            b.append('\n').append(i.source());
            if (!i.source().endsWith("\n")) {
                b.append('\n');
            }
            if (i.kind() == ItemKind.RULE && ownEnabled(i) != i.enabled()) {
                switched.add(i);
            }
        }
        for (ItemSource i : switched) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", i.name());
            m.put("override", Map.of("enabled", "replace"));
            m.put("enabled", i.enabled());
            b.append('\n').append(dump(m));
        }
        return b.toString();
    }

    /** The enabled state a rule's own YAML gives it (true when it says nothing). */
    public static boolean ownEnabled(ItemSource rule) {
        Boolean known = OWN_ENABLED.get(rule.source());
        if (known != null) {
            return known;
        }
        boolean e = readEnabled(rule);
        if (OWN_ENABLED.size() > 100_000) {
            OWN_ENABLED.clear();
        }
        OWN_ENABLED.put(rule.source(), e);
        return e;
    }

    private static boolean readEnabled(ItemSource rule) {
        for (RuleFileItem it : RuleFileReader.read(rule.kind().fileOf(rule.name()), rule.source(), w -> { })) {
            if (it instanceof RuleFileItem.RuleItem r) {
                return r.enabled() == null || r.enabled();
            }
        }
        return true;
    }
}
