package io.peregrine.rules.language.loader;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** One top-level item of a rules file, as written, before merging with other items and files. */
public sealed interface RuleFileItem {

    SourcePosition position();

    /** {@code - list:} with its items (names of other lists allowed among them). */
    record ListItem(String name, List<PositionedText> items, boolean append, String overrideItems,
                    SourcePosition position) implements RuleFileItem {
    }

    /** {@code - macro:} with its condition. */
    record MacroItem(String name, PositionedText condition, boolean append, String overrideCondition,
                     SourcePosition position) implements RuleFileItem {
    }

    /** {@code - required_engine_version:}. */
    record EngineVersionItem(String version, SourcePosition position) implements RuleFileItem {
    }

    /** {@code - required_plugin_versions:}: a plugin name, a version, and accepted alternatives. */
    record PluginVersionsItem(List<PluginRequirement> plugins, SourcePosition position) implements RuleFileItem {
    }

    record PluginRequirement(String name, String version, List<PluginRequirement> alternatives,
                             SourcePosition position) {
    }

    /**
     * {@code - rule:}; absent keys are null. {@code keys} holds the keys present (to tell the
     * legacy enabled-only form apart), {@code override} maps keys to "append" or "replace".
     */
    record RuleItem(String name, PositionedText desc, PositionedText condition, PositionedText output,
                    String priority, String source, List<String> tags, Boolean enabled,
                    List<ExceptionItem> exceptions, Boolean warnEvttypes, Boolean skipIfUnknownFilter,
                    boolean append, Map<String, String> override, Set<String> keys,
                    Map<String, SourcePosition> keyPositions, SourcePosition position) implements RuleFileItem {

        /** Where a key's value was written, or the rule's position. */
        public SourcePosition positionOf(String key) {
            return keyPositions.getOrDefault(key, position);
        }
    }

    /**
     * One exception of a rule. {@code fields} and {@code comps} are single values when
     * {@code fieldsIsList} is false (Falco's short form); values are scalars or sequences.
     */
    record ExceptionItem(String name, List<PositionedText> fields, boolean fieldsIsList, List<PositionedText> comps,
                         List<YamlValue> values, SourcePosition position) {
    }

    /** A value of an exception: a scalar or a sequence of values. */
    sealed interface YamlValue {
        SourcePosition position();
    }

    record Scalar(PositionedText text) implements YamlValue {
        @Override
        public SourcePosition position() {
            return text.position(0);
        }
    }

    record Sequence(List<YamlValue> items, SourcePosition position) implements YamlValue {
    }
}
