package io.peregrine.rules.management.draft;

/**
 * One rule, macro or list as stored: its complete Falco YAML ({@code - rule: ...}, never an
 * {@code append} or {@code override} fragment) and whether it is enabled. For rules, {@code enabled}
 * wins over the YAML's own {@code enabled} key, so that switching a rule on or off keeps the
 * author's text as written.
 */
public record ItemSource(ItemKind kind, String name, String source, boolean enabled) {

    public ItemSource withEnabled(boolean e) {
        return new ItemSource(kind, name, source, e);
    }

    public boolean sameAs(ItemSource o) {
        return o != null && kind == o.kind && name.equals(o.name) && source.equals(o.source) && enabled == o.enabled;
    }
}
