package io.peregrine.rules.language.loader;

import io.peregrine.rules.language.loader.RuleFileItem.EngineVersionItem;
import io.peregrine.rules.language.loader.RuleFileItem.ExceptionItem;
import io.peregrine.rules.language.loader.RuleFileItem.ListItem;
import io.peregrine.rules.language.loader.RuleFileItem.MacroItem;
import io.peregrine.rules.language.loader.RuleFileItem.PluginRequirement;
import io.peregrine.rules.language.loader.RuleFileItem.PluginVersionsItem;
import io.peregrine.rules.language.loader.RuleFileItem.RuleItem;
import io.peregrine.rules.language.loader.RuleFileItem.Scalar;
import io.peregrine.rules.language.loader.RuleFileItem.Sequence;
import io.peregrine.rules.language.loader.RuleFileItem.YamlValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one rules file into its items, keeping the position of everything (SnakeYAML's node
 * tree carries marks). Checks the shape of each item (keys, value kinds); the meaning across items
 * and files is the business of the ruleset builder.
 */
public final class RuleFileReader {

    private static final Set<String> RULE_KEYS = Set.of("rule", "desc", "condition", "output", "priority",
            "source", "tags", "enabled", "exceptions", "warn_evttypes", "skip-if-unknown-filter", "append",
            "override", "capture", "capture_duration");
    private static final Set<String> RULE_APPENDABLE = Set.of("condition", "output", "desc", "tags", "exceptions");
    private static final Set<String> RULE_REPLACEABLE = Set.of("condition", "output", "desc", "priority", "tags",
            "exceptions", "enabled", "warn_evttypes", "skip-if-unknown-filter", "capture", "capture_duration");

    /** Deepest nesting of sequences and mappings, aliases included. */
    public static final int MAX_DEPTH = 64;
    /** Most uses of aliases (*name) in one file. */
    public static final int MAX_ALIASES = 1000;
    /** Most characters that aliases may repeat in one file, summed over every use. */
    public static final long MAX_ALIASED_CHARS = 1_000_000;

    private final String file;
    private final int[] cps;        // file text as code points (SnakeYAML mark indexes count code points)
    private final int[] lineOf;
    private final int[] colOf;
    private final Consumer<String> warnings;

    private RuleFileReader(String file, String text, Consumer<String> warnings) {
        this.file = file;
        this.cps = text.codePoints().toArray();
        this.lineOf = new int[cps.length + 1];
        this.colOf = new int[cps.length + 1];
        int line = 1;
        int col = 1;
        for (int i = 0; i <= cps.length; i++) {
            lineOf[i] = line;
            colOf[i] = col;
            if (i < cps.length && cps[i] == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        this.warnings = warnings;
    }

    /** Reads a rules file. Warnings (unknown items, ignored keys) go to {@code warnings}. */
    public static List<RuleFileItem> read(String file, String text, Consumer<String> warnings) {
        return new RuleFileReader(file, text, warnings).items(text);
    }

    private List<RuleFileItem> items(String text) {
        Node root;
        try {
            LoaderOptions opts = new LoaderOptions();
            opts.setAllowDuplicateKeys(false);
            root = new Yaml(opts).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new RuleLoadException(m == null ? new SourcePosition(file, 1, 1)
                    : new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1), "malformed YAML: " + problem);
        } catch (YAMLException e) {
            throw new RuleLoadException(new SourcePosition(file, 1, 1), "malformed YAML: " + e.getMessage());
        }
        List<RuleFileItem> out = new ArrayList<>();
        if (root == null) {
            return out;       // an empty file holds no items, as in Falco
        }
        new AliasCheck().size(root, 0);
        if (!(root instanceof SequenceNode seq)) {
            throw err(root, "a rules file must be a YAML sequence of items (- rule:, - macro:, - list:)");
        }
        for (Node n : seq.getValue()) {
            if (!(n instanceof MappingNode map)) {
                throw err(n, "an item must be a mapping (- rule: ..., - macro: ..., - list: ...)");
            }
            Map<String, Node> keys = keys(map);
            if (keys.containsKey("rule")) {
                out.add(rule(map, keys));
            } else if (keys.containsKey("macro")) {
                out.add(macro(map, keys));
            } else if (keys.containsKey("list")) {
                out.add(list(map, keys));
            } else if (keys.containsKey("required_engine_version")) {
                Node v = keys.get("required_engine_version");
                out.add(new EngineVersionItem(scalar(v, "required_engine_version"), pos(v)));
            } else if (keys.containsKey("required_plugin_versions")) {
                out.add(plugins(keys.get("required_plugin_versions")));
            } else {
                // Falco warns about unknown top-level objects and goes on.
                warnings.accept(pos(map) + ": unknown item with keys " + keys.keySet() + ", ignored");
            }
        }
        return out;
    }

    private Map<String, Node> keys(MappingNode map) {
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw err(t.getKeyNode(), "keys must be plain names");
            }
            if (keys.put(k.getValue(), t.getValueNode()) != null) {
                throw err(k, "duplicate key '" + k.getValue() + "'");
            }
        }
        return keys;
    }

    private ListItem list(MappingNode map, Map<String, Node> keys) {
        String name = name(keys.get("list"), "list");
        for (String k : keys.keySet()) {
            if (!Set.of("list", "items", "append", "override").contains(k)) {
                throw err(keys.get(k), "unexpected key '" + k + "' in list '" + name
                        + "' (expected items, append, override)");
            }
        }
        Node itemsNode = keys.get("items");
        if (itemsNode == null) {
            throw err(map, "list '" + name + "' has no 'items'");
        }
        List<PositionedText> items = new ArrayList<>();
        if (!(itemsNode instanceof SequenceNode s)) {
            if (itemsNode instanceof ScalarNode sc && sc.getValue().isEmpty()) {
                return new ListItem(name, items, bool(keys.get("append"), "append", false),
                        overrideOf(keys, name, Set.of("items"), Set.of("items")).get("items"), pos(map));
            }
            throw err(itemsNode, "'items' of list '" + name + "' must be a sequence, e.g. [a, b]");
        }
        for (Node i : s.getValue()) {
            items.add(text(i, "list item"));
        }
        boolean append = bool(keys.get("append"), "append", false);
        Map<String, String> ov = overrideOf(keys, name, Set.of("items"), Set.of("items"));
        if (append && !ov.isEmpty()) {
            throw err(keys.get("override"), "'append' and 'override' cannot be used together");
        }
        return new ListItem(name, items, append, ov.get("items"), pos(map));
    }

    private MacroItem macro(MappingNode map, Map<String, Node> keys) {
        String name = name(keys.get("macro"), "macro");
        for (String k : keys.keySet()) {
            if (!Set.of("macro", "condition", "append", "override").contains(k)) {
                throw err(keys.get(k), "unexpected key '" + k + "' in macro '" + name
                        + "' (expected condition, append, override)");
            }
        }
        Node c = keys.get("condition");
        if (c == null) {
            throw err(map, "macro '" + name + "' has no 'condition'");
        }
        boolean append = bool(keys.get("append"), "append", false);
        Map<String, String> ov = overrideOf(keys, name, Set.of("condition"), Set.of("condition"));
        if (append && !ov.isEmpty()) {
            throw err(keys.get("override"), "'append' and 'override' cannot be used together");
        }
        return new MacroItem(name, text(c, "condition"), append, ov.get("condition"), pos(map));
    }

    private RuleItem rule(MappingNode map, Map<String, Node> keys) {
        String name = name(keys.get("rule"), "rule");
        Map<String, SourcePosition> kp = new HashMap<>();
        for (Map.Entry<String, Node> e : keys.entrySet()) {
            if (!RULE_KEYS.contains(e.getKey())) {
                throw err(e.getValue(), "unexpected key '" + e.getKey() + "' in rule '" + name + "'");
            }
            kp.put(e.getKey(), pos(e.getValue()));
        }
        Set<String> present = new LinkedHashSet<>(keys.keySet());
        boolean append = bool(keys.get("append"), "append", false);
        Map<String, String> ov = overrideOf(keys, name, RULE_APPENDABLE, RULE_REPLACEABLE);
        if (append && !ov.isEmpty()) {
            throw err(keys.get("override"), "'append' and 'override' cannot be used together");
        }
        for (String k : ov.keySet()) {
            if (!keys.containsKey(k)) {
                throw err(keys.get("override"), "override names '" + k + "' but rule '" + name
                        + "' does not define it");
            }
        }
        List<String> tags = null;
        if (keys.containsKey("tags")) {
            tags = new ArrayList<>();
            Node t = keys.get("tags");
            if (!(t instanceof SequenceNode ts)) {
                if (!(t instanceof ScalarNode sc && sc.getValue().isEmpty())) {
                    throw err(t, "'tags' must be a sequence, e.g. [filesystem, mitre_persistence]");
                }
            } else {
                for (Node n : ts.getValue()) {
                    tags.add(scalar(n, "tag"));
                }
            }
        }
        List<ExceptionItem> exceptions = null;
        if (keys.containsKey("exceptions")) {
            exceptions = exceptions(keys.get("exceptions"), name);
        }
        Node prio = keys.get("priority");
        return new RuleItem(name,
                keys.containsKey("desc") ? text(keys.get("desc"), "desc") : null,
                keys.containsKey("condition") ? text(keys.get("condition"), "condition") : null,
                keys.containsKey("output") ? text(keys.get("output"), "output") : null,
                prio == null ? null : scalar(prio, "priority"),
                keys.containsKey("source") ? scalar(keys.get("source"), "source") : null,
                tags,
                keys.containsKey("enabled") ? bool(keys.get("enabled"), "enabled", true) : null,
                exceptions,
                keys.containsKey("warn_evttypes") ? bool(keys.get("warn_evttypes"), "warn_evttypes", true) : null,
                keys.containsKey("skip-if-unknown-filter")
                        ? bool(keys.get("skip-if-unknown-filter"), "skip-if-unknown-filter", false) : null,
                append, ov, present, kp, pos(map));
    }

    private List<ExceptionItem> exceptions(Node n, String rule) {
        List<ExceptionItem> out = new ArrayList<>();
        if (n instanceof ScalarNode sc && sc.getValue().isEmpty()) {
            return out;
        }
        if (!(n instanceof SequenceNode seq)) {
            throw err(n, "'exceptions' of rule '" + rule + "' must be a sequence of {name, fields, comps, values}");
        }
        for (Node e : seq.getValue()) {
            if (!(e instanceof MappingNode m)) {
                throw err(e, "an exception must be a mapping with name, fields, comps, values");
            }
            Map<String, Node> k = keys(m);
            for (String key : k.keySet()) {
                if (!Set.of("name", "fields", "comps", "values").contains(key)) {
                    throw err(k.get(key), "unexpected key '" + key + "' in exception (expected name, fields, comps, values)");
                }
            }
            if (!k.containsKey("name")) {
                throw err(m, "exception of rule '" + rule + "' has no 'name'");
            }
            String name = scalar(k.get("name"), "exception name");
            List<PositionedText> fields = new ArrayList<>();
            boolean isList = false;
            Node f = k.get("fields");
            if (f instanceof SequenceNode fs) {
                isList = true;
                for (Node x : fs.getValue()) {
                    fields.add(text(x, "exception field"));
                }
            } else if (f != null) {
                fields.add(text(f, "exception field"));
            }
            List<PositionedText> comps = new ArrayList<>();
            Node c = k.get("comps");
            if (c instanceof SequenceNode cs) {
                for (Node x : cs.getValue()) {
                    comps.add(text(x, "exception comparison"));
                }
            } else if (c != null) {
                comps.add(text(c, "exception comparison"));
            }
            List<YamlValue> values = new ArrayList<>();
            Node v = k.get("values");
            if (v instanceof SequenceNode vs) {
                for (Node x : vs.getValue()) {
                    values.add(value(x));
                }
            } else if (v != null && !(v instanceof ScalarNode vsc && vsc.getValue().isEmpty())) {
                throw err(v, "'values' of exception '" + name + "' must be a sequence");
            }
            out.add(new ExceptionItem(name, fields, isList, comps, values, pos(m)));
        }
        return out;
    }

    private YamlValue value(Node n) {
        if (n instanceof SequenceNode s) {
            List<YamlValue> items = new ArrayList<>();
            for (Node x : s.getValue()) {
                items.add(value(x));
            }
            return new Sequence(items, pos(n));
        }
        return new Scalar(text(n, "exception value"));
    }

    private PluginVersionsItem plugins(Node n) {
        List<PluginRequirement> out = new ArrayList<>();
        if (!(n instanceof SequenceNode s)) {
            throw err(n, "'required_plugin_versions' must be a sequence of {name, version}");
        }
        for (Node p : s.getValue()) {
            out.add(plugin(p));
        }
        return new PluginVersionsItem(out, pos(n));
    }

    private PluginRequirement plugin(Node p) {
        if (!(p instanceof MappingNode m)) {
            throw err(p, "a plugin requirement must be a mapping with name and version");
        }
        Map<String, Node> k = keys(m);
        if (!k.containsKey("name") || !k.containsKey("version")) {
            throw err(m, "a plugin requirement needs 'name' and 'version'");
        }
        List<PluginRequirement> alts = new ArrayList<>();
        if (k.get("alternatives") instanceof SequenceNode as) {
            for (Node a : as.getValue()) {
                alts.add(plugin(a));
            }
        }
        return new PluginRequirement(scalar(k.get("name"), "name"), scalar(k.get("version"), "version"), alts, pos(m));
    }

    private Map<String, String> overrideOf(Map<String, Node> keys, String item, Set<String> appendable,
                                           Set<String> replaceable) {
        Node o = keys.get("override");
        Map<String, String> out = new LinkedHashMap<>();
        if (o == null) {
            return out;
        }
        if (!(o instanceof MappingNode om)) {
            throw err(o, "'override' must map keys to append or replace, e.g. override: {condition: append}");
        }
        for (NodeTuple t : om.getValue()) {
            String key = scalar(t.getKeyNode(), "override key");
            String mode = scalar(t.getValueNode(), "override mode");
            if (mode.equals("append")) {
                if (!appendable.contains(key)) {
                    throw err(t.getValueNode(), "key '" + key + "' of '" + item + "' cannot be appended (appendable: "
                            + new java.util.TreeSet<>(appendable) + ")");
                }
            } else if (mode.equals("replace")) {
                if (!replaceable.contains(key)) {
                    throw err(t.getValueNode(), "key '" + key + "' of '" + item + "' cannot be replaced (replaceable: "
                            + new java.util.TreeSet<>(replaceable) + ")");
                }
            } else {
                throw err(t.getValueNode(), "override mode must be 'append' or 'replace', not '" + mode + "'");
            }
            out.put(key, mode);
        }
        return out;
    }

    private String name(Node n, String what) {
        String s = scalar(n, what + " name");
        if (s.isBlank()) {
            throw err(n, what + " name must not be empty");
        }
        return s;
    }

    private String scalar(Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            throw err(n, what + " must be a single value, not a " + (n instanceof SequenceNode ? "sequence" : "mapping"));
        }
        return s.getValue();
    }

    private boolean bool(Node n, String what, boolean dflt) {
        if (n == null) {
            return dflt;
        }
        String s = scalar(n, what);
        return switch (s) {
            case "true", "True", "TRUE", "yes" -> true;
            case "false", "False", "FALSE", "no" -> false;
            default -> throw err(n, "'" + what + "' must be true or false, not '" + s + "'");
        };
    }

    /** A scalar's value with the file position of each of its characters. */
    private PositionedText text(Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            throw err(n, what + " must be text, not a " + (n instanceof SequenceNode ? "sequence" : "mapping"));
        }
        String v = s.getValue();
        int start = Math.min(n.getStartMark().getIndex(), cps.length);
        int end = Math.min(n.getEndMark().getIndex(), cps.length);
        int[] lines = new int[v.length() + 1];
        int[] cols = new int[v.length() + 1];
        // Align value characters with the raw text: folding, indentation, quotes and escapes only
        // remove or turn raw characters into spaces, so a greedy walk finds each value character.
        int j = start;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ws = Character.isWhitespace(c);
            while (j < end && cps[j] != c && !(ws && Character.isWhitespace(cps[j])) && !ws) {
                j++;
            }
            int at = Math.min(j, end);
            lines[i] = lineOf[at];
            cols[i] = colOf[at];
            if (j < end && (cps[j] == c || (ws && Character.isWhitespace(cps[j])))) {
                j++;
            }
        }
        lines[v.length()] = lineOf[Math.min(j, end)];
        cols[v.length()] = colOf[Math.min(j, end)];
        return PositionedText.of(v, file, lines, cols);
    }

    /**
     * Walks the node graph once before anything is read from it. An alias is the very node of its
     * anchor, so the graph may have cycles ({@code &a [x, *a]}) and may repeat large text many
     * times: each use of an alias is charged with the size of what it repeats.
     */
    private final class AliasCheck {
        private final Map<Node, Long> sizes = new java.util.IdentityHashMap<>();
        // Levels below each node, as a tree: an alias puts all of them below the place of its use.
        private final Map<Node, Integer> heights = new java.util.IdentityHashMap<>();
        private int height;
        private final Set<Node> open = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private int aliases;
        private long aliasedChars;

        long size(Node n, int depth) {
            if (open.contains(n)) {
                throw err(n, "an alias refers to a node that contains it (as in &a [x, *a]): cycles are not allowed");
            }
            Long known = sizes.get(n);
            if (known != null) {
                aliases++;
                aliasedChars += known;
                if (aliases > MAX_ALIASES) {
                    throw err(n, "more than " + MAX_ALIASES + " uses of aliases in one file");
                }
                if (aliasedChars > MAX_ALIASED_CHARS) {
                    throw err(n, "aliases repeat more than " + MAX_ALIASED_CHARS + " characters in all");
                }
                height = heights.get(n);
                if (depth + height > MAX_DEPTH) {
                    throw err(n, "nested more than " + MAX_DEPTH + " levels deep (through aliases)");
                }
                return known;
            }
            if (depth > MAX_DEPTH) {
                throw err(n, "nested more than " + MAX_DEPTH + " levels deep");
            }
            open.add(n);
            long size = 1;
            int below = 0;
            switch (n) {
                case ScalarNode sc -> size += sc.getValue().length();
                case SequenceNode sq -> {
                    for (Node c : sq.getValue()) {
                        size += size(c, depth + 1);
                        below = Math.max(below, height + 1);
                    }
                }
                case MappingNode m -> {
                    for (NodeTuple t : m.getValue()) {
                        size += size(t.getKeyNode(), depth + 1);
                        below = Math.max(below, height + 1);
                        size += size(t.getValueNode(), depth + 1);
                        below = Math.max(below, height + 1);
                    }
                }
                default -> {
                }
            }
            open.remove(n);
            sizes.put(n, size);
            heights.put(n, below);
            height = below;
            return size;
        }
    }

    private SourcePosition pos(Node n) {
        Mark m = n.getStartMark();
        return new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private RuleLoadException err(Node n, String msg) {
        return new RuleLoadException(pos(n), msg);
    }
}
