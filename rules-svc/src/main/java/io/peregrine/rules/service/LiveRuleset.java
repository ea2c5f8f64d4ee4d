package io.peregrine.rules.service;

import io.peregrine.kit.nats.NatsClient;
import io.peregrine.rules.management.draft.DraftRuleset;
import io.peregrine.rules.management.draft.ImportPlan;
import io.peregrine.rules.management.draft.RuleFile;
import io.peregrine.rules.management.draft.RulesetProblem;
import io.peregrine.rules.management.store.RuleStore;
import io.peregrine.rules.management.store.RuleStore.Committed;
import io.peregrine.rules.management.store.StoredRuleset;
import io.peregrine.rules.runtime.live.ActiveRuleset;
import io.peregrine.rules.runtime.live.RulesetFollower;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps this replica's active ruleset equal to the stored one: installs every change stored here
 * and announces it, follows the announcements of other replicas, and checks PostgreSQL
 * periodically (a missed announcement, a database that was down at start). On first start with
 * an empty store it imports Peregrine's default rules.
 */
@ApplicationScoped
public class LiveRuleset {

    private static final Logger LOG = Logger.getLogger(LiveRuleset.class);
    static final String DEFAULT_RULES = "rules/peregrine_rules.yaml";

    @Inject
    ActiveRuleset active;
    @Inject
    RuleStore store;
    @Inject
    NatsClient nats;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Inject
    RulesConfig config;

    private RulesetFollower follower;
    private volatile boolean defaultsTried;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ruleset-reconcile");
        t.setDaemon(true);
        return t;
    });

    // First of the start-up observers (StartOrder): the stored ruleset is in force before the
    // events consumer takes its first frame and before the interest is published.
    void onStart(@Observes @Priority(StartOrder.RULESET) StartupEvent e) {
        io.micrometer.core.instrument.Gauge.builder("peregrine.rules.ruleset.version", active,
                        a -> a.current().version())
                .description("Version of the ruleset in force in this replica").register(registry);
        follower = new RulesetFollower(nats.connection(), this::loadSnapshot, active).start();
        reconcile();    // at start, so that the stored ruleset is in force before the first request
        Duration interval = config.reconcileInterval();
        timer.scheduleWithFixedDelay(this::reconcile, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent e) {
        timer.shutdownNow();
        if (follower != null) {
            follower.close();
        }
    }

    /** Puts a change stored by this replica in force and tells the other replicas. */
    public void committed(Committed c) {
        if (!c.changed()) {
            return;
        }
        active.install(ActiveRuleset.Snapshot.of(c.stored(), c.validated()));
        try {
            RulesetFollower.announce(nats.connection(), c.stored().version());
        } catch (RuntimeException ex) {
            // Other replicas then catch up at their next periodic check.
            LOG.warnf("Ruleset version %d stored but not announced: %s", c.stored().version(), ex.getMessage());
        }
    }

    /** Loads the stored ruleset and builds its snapshot (blocking; never on the event loop). */
    public ActiveRuleset.Snapshot loadSnapshot() throws Exception {
        StoredRuleset stored = await(store::load);
        DraftRuleset.Validated v = DraftRuleset.validate(stored.sources(), Integer.MAX_VALUE, store.maxDepth());
        return ActiveRuleset.Snapshot.of(stored, v);
    }

    void reconcile() {
        try {
            long head = await(store::headVersion);
            if (head == 0 && !defaultsTried) {
                defaultsTried = true;
                importDefaults();
            } else if (head > active.current().version()) {
                ActiveRuleset.Snapshot s = loadSnapshot();
                if (active.install(s)) {
                    LOG.infof("Ruleset version %d loaded from PostgreSQL (%d rules, %d enabled)", s.version(),
                            s.ruleset().rules().size(), s.ruleset().enabledCount());
                }
            }
        } catch (RulesetProblem p) {
            LOG.errorf("The stored ruleset does not compile: %s", p.getMessage());
        } catch (Throwable t) {
            LOG.warnf("Stored ruleset not checked (%s); serving version %d from memory", t.getMessage(),
                    active.current().version());
        }
    }

    private void importDefaults() throws Throwable {
        String text;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEFAULT_RULES)) {
            if (in == null) {
                LOG.warnf("No default rules (%s) in this build; starting with an empty ruleset", DEFAULT_RULES);
                return;
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warnf("Default rules not readable: %s", e.getMessage());
            return;
        }
        List<RuleFile> files = List.of(new RuleFile("peregrine_rules.yaml", text));
        Committed c = await(() -> store.change("peregrine", current -> {
            if (current.version() != 0 || !current.items().isEmpty()) {
                return new RuleStore.Plan(current.sources(), "defaults", "unchanged");  // another replica did it
            }
            return new RuleStore.Plan(ImportPlan.of(current.sources(), files, true, store.maxDepth()).items(), "defaults",
                    "Peregrine default rules");
        }));
        if (c.changed()) {
            LOG.infof("Imported the default rules: %d items, ruleset version %d", c.stored().items().size(),
                    c.stored().version());
            committed(c);
        } else {
            active.install(loadSnapshot());
        }
    }

    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
