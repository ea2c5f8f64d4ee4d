package io.peregrine.rules.runtime.live;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.peregrine.protocol.Subjects;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Keeps one replica's {@link ActiveRuleset} up to date with the others: a replica that stores a
 * change announces the new version on {@link Subjects#RULESET_CHANGED}; every replica that is
 * behind reloads the stored ruleset (the broadcast carries only the version, PostgreSQL is the
 * truth). Reloads run on a thread of their own and coalesce.
 */
public final class RulesetFollower implements AutoCloseable {

    /** Loads the stored ruleset and builds its snapshot (blocking). */
    @FunctionalInterface
    public interface Loader {
        ActiveRuleset.Snapshot load() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(RulesetFollower.class);

    private final Connection nats;
    private final Loader loader;
    private final ActiveRuleset target;
    private final AtomicLong wanted = new AtomicLong();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ruleset-follower");
        t.setDaemon(true);
        return t;
    });
    private Dispatcher dispatcher;

    public RulesetFollower(Connection nats, Loader loader, ActiveRuleset target) {
        this.nats = nats;
        this.loader = loader;
        this.target = target;
    }

    public RulesetFollower start() {
        dispatcher = nats.createDispatcher(this::onMessage);
        dispatcher.subscribe(Subjects.RULESET_CHANGED);
        return this;
    }

    /** Tells the other replicas that {@code version} is stored. */
    public static void announce(Connection nats, long version) {
        nats.publish(Subjects.RULESET_CHANGED, Long.toString(version).getBytes(StandardCharsets.US_ASCII));
    }

    private void onMessage(Message m) {
        long v;
        try {
            v = Long.parseLong(new String(m.getData(), StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            LOG.warnf("Ignored a malformed ruleset announcement on %s", m.getSubject());
            return;
        }
        request(v);
    }

    /** Reloads when {@code version} is newer than what is in force. */
    public void request(long version) {
        if (version <= target.current().version()) {
            return;
        }
        wanted.accumulateAndGet(version, Math::max);
        worker.execute(this::reload);
    }

    private void reload() {
        if (target.current().version() >= wanted.get()) {
            return;     // an earlier reload already brought it
        }
        try {
            ActiveRuleset.Snapshot s = loader.load();
            if (s != null && target.install(s)) {
                LOG.infof("Ruleset version %d in force (%d rules, %d enabled)", s.version(),
                        s.ruleset().rules().size(), s.ruleset().enabledCount());
            }
        } catch (Exception e) {
            // PostgreSQL unreachable or the stored ruleset unreadable: the periodic check retries.
            LOG.warnf("Ruleset version %d not loaded: %s", wanted.get(), e.getMessage());
        }
    }

    @Override
    public void close() {
        if (dispatcher != null) {
            nats.closeDispatcher(dispatcher);
        }
        worker.shutdownNow();
    }
}
