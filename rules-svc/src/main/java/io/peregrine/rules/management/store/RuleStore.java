package io.peregrine.rules.management.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.peregrine.rules.management.draft.Definitions;
import io.peregrine.rules.management.draft.DraftRuleset;
import io.peregrine.rules.management.draft.DraftRuleset.Validated;
import io.peregrine.rules.management.draft.ItemKind;
import io.peregrine.rules.management.draft.ItemSource;
import io.peregrine.rules.service.RulesConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ruleset in PostgreSQL. Every change runs in one transaction that locks the head row (so
 * replicas write one at a time), plans the new set of items from the stored one, has the engine
 * validate the whole result, and only then writes the changed items, a new ruleset version with
 * its snapshot, and the audit rows. A plan or a validation that fails leaves the store untouched.
 */
@ApplicationScoped
public class RuleStore {

    /** What a change wants the stored ruleset to become. */
    public record Plan(List<ItemSource> items, String action, String reason) {
    }

    /** The outcome of a change; {@code changed} is false when the plan equalled the stored ruleset. */
    public record Committed(StoredRuleset stored, Validated validated, boolean changed) {
    }

    /** A version in the list of versions (without its snapshot). */
    public record VersionSummary(long version, OffsetDateTime createdAt, String createdBy, String reason, int rules,
                                 int macros, int lists) {
    }

    /** One audit entry. */
    public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String kind, String name,
                             long rulesetVersion, String beforeSource, String afterSource) {
    }

    private static final TypeReference<List<Map<String, Object>>> SNAPSHOT = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @Inject
    RulesConfig config;

    public int maxItems() {
        return config.maxItems();
    }

    public int maxDepth() {
        return config.maxConditionDepth();
    }

    /** The stored ruleset as it is now. */
    public Uni<StoredRuleset> load() {
        return Panache.withSession(() -> HeadEntity.<HeadEntity>findById(1).flatMap(head ->
                ItemEntity.<ItemEntity>list("order by position").map(rows -> stored(head.version, rows))));
    }

    /** The stored ruleset's version only: a cheap check whether this replica is behind. */
    public Uni<Long> headVersion() {
        return Panache.withSession(() -> HeadEntity.<HeadEntity>findById(1).map(h -> h.version));
    }

    /**
     * Applies a change. {@code planner} sees the stored ruleset (under the lock) and returns the
     * items it should hold, or throws to refuse (precondition failed, not found...).
     */
    public Uni<Committed> change(String actor, Function<StoredRuleset, Plan> planner) {
        return Panache.withTransaction(() -> HeadEntity.<HeadEntity>findById(1, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(head -> ItemEntity.<ItemEntity>list("order by position").flatMap(rows -> {
                    StoredRuleset current = stored(head.version, rows);
                    Plan plan = planner.apply(current);
                    Validated validated = DraftRuleset.validate(plan.items(), maxItems(), maxDepth());
                    return write(actor, head, rows, current, plan, validated);
                })));
    }

    private Uni<Committed> write(String actor, HeadEntity head, List<ItemEntity> rows, StoredRuleset current,
                                 Plan plan, Validated validated) {
        long next = head.version + 1;
        // PostgreSQL keeps microseconds: the time in memory must equal the one read back.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Map<String, ItemEntity> byKey = new LinkedHashMap<>();
        for (ItemEntity r : rows) {
            byKey.put(r.kind + " " + r.name, r);
        }
        List<Object> persist = new ArrayList<>();
        List<Object> remove = new ArrayList<>();
        List<StoredItem> items = new ArrayList<>();
        boolean changed = false;
        long prev = 0;
        for (ItemSource i : plan.items()) {
            ItemEntity row = byKey.remove(i.kind().word() + " " + i.name());
            // Positions only need to increase; keeping the old ones spares rewriting every row.
            long pos = row != null && row.position > prev ? row.position : prev + 1;
            prev = pos;
            if (row == null) {
                row = new ItemEntity();
                row.kind = i.kind().word();
                row.name = i.name();
                fill(row, i, validated, next, actor, now, pos);
                persist.add(row);
                persist.add(audit(actor, action(plan, "create"), i.kind().word(), i.name(), next, null, i.source(), now));
                changed = true;
            } else if (!row.source.equals(i.source()) || row.enabled != i.enabled()) {
                String before = row.source;
                String action = action(plan, row.source.equals(i.source()) ? (i.enabled() ? "enable" : "disable")
                        : "update");
                fill(row, i, validated, next, actor, now, pos);
                persist.add(audit(actor, action, i.kind().word(), i.name(), next, before, i.source(), now));
                changed = true;
            } else {
                row.position = pos;
            }
            items.add(new StoredItem(i, row.version, row.updatedBy, row.updatedAt.withOffsetSameInstant(ZoneOffset.UTC)));
        }
        for (ItemEntity gone : byKey.values()) {
            remove.add(gone);
            persist.add(audit(actor, action(plan, "delete"), gone.kind, gone.name,
                    next, gone.source, null, now));
            changed = true;
        }
        if (!changed) {
            return Uni.createFrom().item(new Committed(current, validated, false));
        }
        head.version = next;
        VersionEntity v = new VersionEntity();
        v.version = next;
        v.createdAt = now;
        v.createdBy = actor;
        v.reason = plan.reason();
        v.rules = count(plan.items(), ItemKind.RULE);
        v.macros = count(plan.items(), ItemKind.MACRO);
        v.lists = count(plan.items(), ItemKind.LIST);
        v.snapshot = snapshot(plan.items());
        persist.add(v);
        StoredRuleset stored = new StoredRuleset(next, List.copyOf(items));
        return Panache.getSession()
                .flatMap(s -> (remove.isEmpty() ? Uni.createFrom().voidItem() : s.removeAll(remove.toArray()))
                        .flatMap(x -> s.persistAll(persist.toArray()))
                        .flatMap(x -> s.flush()))
                .map(x -> new Committed(stored, validated, true));
    }

    private void fill(ItemEntity row, ItemSource i, Validated validated, long version, String actor,
                      OffsetDateTime now, long pos) {
        row.source = i.source();
        row.enabled = i.enabled();
        row.definition = toJson(Definitions.describe(i.kind(), i.name(), validated.ruleset()));
        row.version = version;
        row.updatedBy = actor;
        row.updatedAt = now;
        row.position = pos;
    }

    private static AuditEntity audit(String actor, String action, String kind, String name, long version,
                                     String before, String after, OffsetDateTime now) {
        AuditEntity a = new AuditEntity();
        a.at = now;
        a.actor = actor;
        a.action = action;
        a.kind = kind;
        a.name = name;
        a.rulesetVersion = version;
        a.beforeSource = before;
        a.afterSource = after;
        return a;
    }

    /** Whole-ruleset changes (import, rollback) name themselves; item changes say what happened to the item. */
    private static String action(Plan plan, String itemAction) {
        return plan.action().equals("item") ? itemAction : plan.action();
    }

    private static int count(List<ItemSource> items, ItemKind k) {
        return (int) items.stream().filter(i -> i.kind() == k).count();
    }

    /** Versions, newest first. */
    public Uni<List<VersionSummary>> versions(int limit) {
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createSelectionQuery(
                        "select v.version, v.createdAt, v.createdBy, v.reason, v.rules, v.macros, v.lists "
                        + "from VersionEntity v order by v.version desc", Object[].class)
                .setMaxResults(limit).getResultList()))
                .map(rows -> rows.stream().map(r -> new VersionSummary((Long) r[0], (OffsetDateTime) r[1],
                        (String) r[2], (String) r[3], (Integer) r[4], (Integer) r[5], (Integer) r[6])).toList());
    }

    /** The items of one version, or null when there is no such version. */
    public Uni<List<ItemSource>> snapshotOf(long version) {
        return Panache.withSession(() -> VersionEntity.<VersionEntity>findById(version))
                .map(v -> v == null ? null : fromSnapshot(v.snapshot));
    }

    /** Audit entries, newest first; kind and name filter when not null. */
    public Uni<List<AuditEntry>> audit(String kind, String name, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (kind != null) {
            q.append(" and kind = :kind");
            params.put("kind", kind);
        }
        if (name != null) {
            q.append(" and name = :name");
            params.put("name", name);
        }
        q.append(" order by id desc");
        return Panache.withSession(() -> AuditEntity.<AuditEntity>find(q.toString(), params).page(0, limit).list())
                .map(rows -> rows.stream().map(a -> new AuditEntry(a.id, a.at, a.actor, a.action, a.kind, a.name,
                        a.rulesetVersion, a.beforeSource, a.afterSource)).toList());
    }

    private String snapshot(List<ItemSource> items) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ItemSource i : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", i.kind().word());
            m.put("name", i.name());
            m.put("enabled", i.enabled());
            m.put("source", i.source());
            out.add(m);
        }
        return toJson(out);
    }

    private List<ItemSource> fromSnapshot(String text) {
        try {
            List<ItemSource> out = new ArrayList<>();
            for (Map<String, Object> m : json.readValue(text, SNAPSHOT)) {
                out.add(new ItemSource(ItemKind.of((String) m.get("kind")), (String) m.get("name"),
                        (String) m.get("source"), (Boolean) m.get("enabled")));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredRuleset stored(long version, List<ItemEntity> rows) {
        List<StoredItem> items = new ArrayList<>(rows.size());
        for (ItemEntity r : rows) {
            items.add(new StoredItem(new ItemSource(ItemKind.of(r.kind), r.name, r.source, r.enabled), r.version,
                    r.updatedBy, r.updatedAt.withOffsetSameInstant(ZoneOffset.UTC)));
        }
        return new StoredRuleset(version, List.copyOf(items));
    }
}
