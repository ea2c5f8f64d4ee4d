package io.peregrine.rules.management.draft;

import io.peregrine.rules.language.loader.RuleFileItem;
import io.peregrine.rules.language.loader.RuleFileReader;
import io.peregrine.rules.language.loader.RuleLoadException;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The body of a request that writes one item: Falco YAML, either the item as in a rules file
 * ({@code - rule: ...}) or just its mapping ({@code rule: ...}), or the same keys as a JSON object.
 * A bare mapping is stored as a rules-file item (indented under {@code - }); a JSON object is
 * stored as the equivalent YAML. Positions in errors refer to the text as sent.
 *
 * @param ownEnabled the {@code enabled} key of a rule, null when absent
 */
public record ItemBody(ItemSource item, Boolean ownEnabled) {

    public static ItemBody parse(ItemKind kind, String pathName, String body) {
        String label = pathName != null ? pathName : "(new)";
        String file = kind.fileOf(label);
        if (body == null || body.isBlank()) {
            throw problem(kind, pathName, file, 1, 1, "the body is empty; send the " + kind.word() + " as YAML or JSON");
        }
        String source;
        int shift = 0;
        char first = firstSignificant(body);
        if (first == '{') {
            source = fromJson(kind, pathName, file, body);
        } else if (first == '-') {
            source = body;
        } else {
            source = indent(body);
            shift = 2;
        }
        List<RuleFileItem> items;
        try {
            items = RuleFileReader.read(file, source, w -> { });
        } catch (RuleLoadException e) {
            throw problem(kind, pathName, file, e.position().line(), Math.max(1, e.position().column() - shift),
                    e.reason());
        }
        if (items.size() != 1) {
            throw problem(kind, pathName, file, 1, 1, "expected exactly one " + kind.word() + ", found "
                    + items.size() + " items");
        }
        RuleFileItem one = items.get(0);
        String name;
        Boolean enabled = null;
        switch (one) {
            case RuleFileItem.RuleItem r when kind == ItemKind.RULE -> {
                name = r.name();
                enabled = r.enabled();
            }
            case RuleFileItem.MacroItem m when kind == ItemKind.MACRO -> name = m.name();
            case RuleFileItem.ListItem l when kind == ItemKind.LIST -> name = l.name();
            default -> throw problem(kind, pathName, file, one.position().line(),
                    Math.max(1, one.position().column() - shift), "expected a " + kind.word()
                    + " (a mapping with the key '" + kind.word() + "')");
        }
        if (pathName != null && !pathName.equals(name)) {
            throw problem(kind, pathName, file, one.position().line(), Math.max(1, one.position().column() - shift),
                    "the body names the " + kind.word() + " '" + name + "' but the path names '" + pathName + "'");
        }
        return new ItemBody(new ItemSource(kind, name, source.endsWith("\n") ? source : source + "\n",
                enabled == null || enabled), enabled);
    }

    private static char firstSignificant(String body) {
        boolean comment = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (comment) {
                comment = c != '\n';
            } else if (c == '#') {
                comment = true;
            } else if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c;
            }
        }
        return ' ';
    }

    /** Puts a bare mapping under a sequence entry; every line moves two columns right. */
    private static String indent(String body) {
        StringBuilder b = new StringBuilder("- ");
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                b.append('\n');
                if (!lines[i].isBlank()) {
                    b.append("  ");
                }
            }
            b.append(lines[i]);
        }
        return b.toString();
    }

    private static String fromJson(ItemKind kind, String pathName, String file, String body) {
        Object value;
        try {
            value = new Yaml(new SafeConstructor(new LoaderOptions())).load(body);
        } catch (MarkedYAMLException e) {
            var m = e.getProblemMark();
            throw problem(kind, pathName, file, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
                    "malformed JSON: " + e.getProblem());
        } catch (YAMLException e) {
            throw problem(kind, pathName, file, 1, 1, "malformed JSON: " + e.getMessage());
        }
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setWidth(120);
        return new Yaml(o).dump(List.of(value));
    }

    private static RulesetProblem problem(ItemKind kind, String name, String file, int line, int column, String msg) {
        return new RulesetProblem(new Finding(kind, name, file, line, column, msg), false);
    }
}
