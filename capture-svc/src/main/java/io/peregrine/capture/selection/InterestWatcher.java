package io.peregrine.capture.selection;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import io.peregrine.capture.pipeline.CaptureSource;
import io.peregrine.protocol.Subjects;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.protocol.interest.InterestFormatException;
import io.peregrine.kit.nats.InterestBucket;
import io.peregrine.kit.nats.NatsClient;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows the interest that rules-svc writes to the KV bucket and applies its event types to the
 * source's kernel-side selection. A malformed entry is logged and ignored: the previous selection
 * stays. Until an interest exists, the source keeps its default selection (everything it covers).
 * An interest that names no event type (an empty ruleset, or a header-only entry anyone with write
 * access to the bucket could put) would leave only the syscalls state needs: it is taken as no
 * interest, and the default selection stays. The entry is read again every {@code recheckSeconds}
 * and applied again, so a missed watch update or a selection changed behind the service's back
 * does not last.
 */
public final class InterestWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(InterestWatcher.class);

    private final NatsClient nats;
    private final CaptureSource source;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("interest-watch").daemon().unstarted(r));
    private volatile NatsKeyValueWatchSubscription subscription;
    private volatile Interest current;
    private volatile long rejected;
    private volatile long emptyIgnored;
    private final long recheckSeconds;

    public InterestWatcher(NatsClient nats, CaptureSource source) {
        this(nats, source, 30);
    }

    /** @param recheckSeconds period of re-reading the entry; 0 turns it off */
    public InterestWatcher(NatsClient nats, CaptureSource source, long recheckSeconds) {
        this.nats = nats;
        this.source = source;
        this.recheckSeconds = recheckSeconds;
    }

    public void start() {
        retry.execute(this::watch);
        if (recheckSeconds > 0) {
            retry.scheduleWithFixedDelay(this::recheck, recheckSeconds, recheckSeconds, TimeUnit.SECONDS);
        }
    }

    /** Reads the entry now and applies it again; public for tests. */
    public void recheck() {
        try {
            KeyValueEntry e = bucket().get(Subjects.INTEREST_KEY);
            if (e != null && e.getOperation() == KeyValueOperation.PUT && e.getValue() != null) {
                apply(e.getValue());
            }
        } catch (Exception ex) {
            LOG.debugf("Interest not re-read: %s", ex.getMessage());
        }
    }

    private void watch() {
        try {
            KeyValue kv = bucket();
            subscription = kv.watch(Subjects.INTEREST_KEY, new KeyValueWatcher() {
                @Override
                public void watch(KeyValueEntry entry) {
                    if (entry.getOperation() == KeyValueOperation.PUT) {
                        apply(entry.getValue());
                    }
                }

                @Override
                public void endOfData() {
                }
            }); // from the current value on: a restarted capture picks up the interest at once
        } catch (Exception e) {
            // NATS down or JetStream not ready yet: try again shortly.
            LOG.debugf("Interest watch not set up yet: %s", e.getMessage());
            retry.schedule(this::watch, 1, TimeUnit.SECONDS);
        }
    }

    private KeyValue bucket() throws IOException, JetStreamApiException {
        return InterestBucket.open(nats.connection(), nats.replicas());
    }

    /** Applies one entry's bytes; public for tests that drive it without NATS. */
    public void apply(byte[] value) {
        try {
            Interest in = Interest.decode(value);
            boolean changed = current == null || !java.util.Arrays.equals(current.encode(), in.encode());
            if (in.eventTypes().isEmpty() && !in.allTypes()) {
                source.select(Set.of(), true);
                current = in;
                if (changed) {
                    emptyIgnored++;
                    LOG.warn("The interest names no event type: the default selection stays");
                }
                return;
            }
            source.select(in.eventTypes(), in.allTypes());
            current = in;
            if (changed) {
                LOG.infof("Interest applied: %d event types%s", in.eventTypes().size(), in.allTypes() ? " (all types)" : "");
            }
        } catch (InterestFormatException e) {
            rejected++;
            LOG.warnf("Ignoring the interest entry, the previous selection stays: %s", e.getMessage());
        } catch (RuntimeException e) {
            rejected++;
            LOG.warnf("Cannot apply the interest, the previous selection stays: %s", e.getMessage());
        }
    }

    public Interest current() {
        return current;
    }

    public long rejected() {
        return rejected;
    }

    /** Interests that named no event type and were not applied. */
    public long emptyIgnored() {
        return emptyIgnored;
    }

    @Override
    public void close() {
        retry.shutdownNow();
        var s = subscription;
        if (s != null) {
            try {
                s.unsubscribe();
            } catch (Exception ignored) {
                // the connection is going away anyway
            }
        }
    }
}
