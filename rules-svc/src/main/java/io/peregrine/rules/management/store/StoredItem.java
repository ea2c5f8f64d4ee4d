package io.peregrine.rules.management.store;

import io.peregrine.rules.management.draft.ItemSource;
import java.time.OffsetDateTime;

/**
 * A stored item with its bookkeeping: {@code version} is the ruleset version in which the item
 * last changed (its ETag; never reused, even after a delete), and who changed it when.
 */
public record StoredItem(ItemSource item, long version, String updatedBy, OffsetDateTime updatedAt) {
}
