package io.peregrine.rules.management.store;

import io.peregrine.rules.management.draft.ItemKind;
import io.peregrine.rules.management.draft.ItemSource;
import java.util.List;
import java.util.Optional;

/** The stored ruleset at one version: its items in ruleset order. */
public record StoredRuleset(long version, List<StoredItem> items) {

    public static final StoredRuleset EMPTY = new StoredRuleset(0, List.of());

    public List<ItemSource> sources() {
        return items.stream().map(StoredItem::item).toList();
    }

    public Optional<StoredItem> find(ItemKind kind, String name) {
        return items.stream().filter(i -> i.item().kind() == kind && i.item().name().equals(name)).findFirst();
    }
}
