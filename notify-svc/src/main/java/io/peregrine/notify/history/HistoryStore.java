package io.peregrine.notify.history;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.peregrine.notify.service.NotifyConfig;
import io.peregrine.protocol.alert.Alert;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes every alert taken into {@code alert_history}, in batches, off the delivery path: history
 * is a record for people, not a delivery, so a database outage neither delays nor blocks
 * acknowledgement. Alerts that cannot be stored after a few attempts, or that arrive while the
 * queue is full, are counted in {@code peregrine.notify.history.dropped}.
 */
@ApplicationScoped
public class HistoryStore {

    private static final Logger LOG = Logger.getLogger(HistoryStore.class);
    private static final String INSERT = "insert into notify.alert_history (uuid, time, rule, priority, output, output_fields,"
            + " source, tags, hostname, container) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
            + " on conflict (uuid) do nothing";

    @Inject
    Pool pool;
    @Inject
    MeterRegistry meters;

    @Inject
    NotifyConfig config;

    private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(100_000);
    private Counter stored;
    private Counter dropped;
    private volatile boolean running;
    private Thread writer;

    public synchronized void start() {
        if (!config.history().enabled() || running) {
            return;
        }
        stored = meters.counter("peregrine.notify.history.stored");
        dropped = meters.counter("peregrine.notify.history.dropped");
        running = true;
        writer = Thread.ofPlatform().name("history-writer").daemon().start(this::run);
    }

    /** Queues an alert; never blocks. */
    public void accept(Alert a) {
        if (!running) {
            return;
        }
        if (!queue.offer(a)) {
            dropped.increment();
        }
    }

    private void run() {
        List<Alert> batch = new ArrayList<>(500);
        long lastPurge = 0;
        while (running || !queue.isEmpty()) {
            try {
                Alert first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, 499);
                    write(batch);
                    batch.clear();
                }
                if (System.nanoTime() - lastPurge > TimeUnit.HOURS.toNanos(1) || lastPurge == 0) {
                    purge();
                    lastPurge = System.nanoTime();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void write(List<Alert> batch) throws InterruptedException {
        List<Tuple> rows = new ArrayList<>(batch.size());
        for (Alert a : batch) {
            rows.add(row(a));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                pool.preparedQuery(INSERT).executeBatch(rows).await().atMost(Duration.ofSeconds(30));
                stored.increment(batch.size());
                return;
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    LOG.errorf("Alert history: %d alerts not stored: %s", batch.size(), e.toString());
                    dropped.increment(batch.size());
                    return;
                }
                Thread.sleep(200L << attempt);
            }
        }
    }

    private Tuple row(Alert a) {
        // A JsonObject, not a String: the client would store a String as one JSON string value.
        io.vertx.core.json.JsonObject fields = new io.vertx.core.json.JsonObject(new java.util.LinkedHashMap<>(a.outputFields()));
        Object container = a.outputFields().get("container.name");
        if (container == null) {
            container = a.outputFields().get("container.id");
        }
        return Tuple.tuple(List.of(a.uuid(), OffsetDateTime.ofInstant(a.time(), ZoneOffset.UTC), a.rule(),
                        (short) a.priority().ordinal(), a.output(), fields, a.source()))
                .addArrayOfString(a.tags().toArray(String[]::new))
                .addString(a.hostname())
                .addString(container == null ? null : container.toString());
    }

    /** Deletes alerts older than the retention period. */
    public long purge() {
        try {
            return pool.preparedQuery("delete from notify.alert_history where time < $1")
                    .execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC).minus(config.history().retention())))
                    .await().atMost(Duration.ofMinutes(5)).rowCount();
        } catch (RuntimeException e) {
            LOG.warnf("Alert history retention: %s", e.toString());
            return 0;
        }
    }

    /** Stored so far, for tests and the benchmark. */
    public double storedCount() {
        return stored == null ? 0 : stored.count();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (writer != null) {
            try {
                writer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
