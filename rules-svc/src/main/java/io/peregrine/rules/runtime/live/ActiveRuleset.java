package io.peregrine.rules.runtime.live;

import io.peregrine.protocol.interest.Interest;
import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.compile.RuleCompiler;
import io.peregrine.rules.language.ruleset.Ruleset;
import io.peregrine.rules.management.draft.DraftRuleset.Validated;
import io.peregrine.rules.management.store.StoredItem;
import io.peregrine.rules.management.store.StoredRuleset;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The ruleset in force in this replica: the seam between rule management and evaluation. The
 * evaluation side reads {@link #current()} (one volatile read) or registers a listener; rule
 * management installs a new snapshot after every stored change and when another replica
 * broadcasts one. Versions only move forward, so a late reload never undoes a newer change.
 */
@ApplicationScoped
public class ActiveRuleset {

    /** One version of the ruleset: stored items, merged definitions, compiled form and interest. */
    public record Snapshot(long version, List<StoredItem> items, Ruleset ruleset, CompiledRuleset compiled,
                           Interest interest) {

        public static Snapshot of(StoredRuleset stored, Validated validated) {
            return new Snapshot(stored.version(), stored.items(), validated.ruleset(), validated.compiled(),
                    InterestOfRuleset.of(validated.compiled().interest()));
        }

        public static Snapshot empty() {
            Ruleset none = new Ruleset(List.of(), Map.of(), Map.of(), List.of());
            CompiledRuleset c = RuleCompiler.compile(none);
            return new Snapshot(0, List.of(), none, c, InterestOfRuleset.of(c.interest()));
        }
    }

    private final AtomicReference<Snapshot> current = new AtomicReference<>(Snapshot.empty());
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();

    public Snapshot current() {
        return current.get();
    }

    /** Puts {@code next} in force when it is newer than the current one; returns whether it did. */
    public boolean install(Snapshot next) {
        Snapshot prev;
        do {
            prev = current.get();
            if (next.version() <= prev.version()) {
                return false;
            }
        } while (!current.compareAndSet(prev, next));
        for (Consumer<Snapshot> l : listeners) {
            l.accept(next);
        }
        return true;
    }

    /** Called with every snapshot installed from now on (on the installing thread: hand off slow work). */
    public void addListener(Consumer<Snapshot> listener) {
        listeners.add(listener);
    }
}
