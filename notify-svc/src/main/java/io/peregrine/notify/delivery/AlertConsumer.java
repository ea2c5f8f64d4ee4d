package io.peregrine.notify.delivery;

import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.PublishOptions;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.peregrine.notify.output.Notification;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.kit.nats.PullConsumers;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Takes alerts from the shared durable pull consumer and hands each to every output that should
 * take it. An alert is acknowledged only when all those outputs have taken it; when one of them
 * gives up (after its retries), the alert is published to the dead-letter subject with the reason
 * and then acknowledged. While deliveries are under way their alerts are marked in progress so
 * JetStream does not hand them to another replica. A replica that dies leaves its alerts
 * unacknowledged and JetStream redelivers them: delivery is at least once, de-duplicate on uuid.
 */
public final class AlertConsumer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AlertConsumer.class);
    public static final String REASON_HEADER = "Peregrine-Reason";
    public static final String FAILED_OUTPUTS_HEADER = "Peregrine-Failed-Outputs";

    private final Connection nats;
    private final ConsumerSettings settings;
    private final OutputSet outputs;
    private final DeliveryMetrics metrics;
    private final Consumer<Alert> history;
    private final ScheduledExecutorService timer;
    private final Semaphore slots;
    private final Set<Message> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean aborted;
    private Thread loop;
    private ScheduledFuture<?> keepAlive;
    private volatile Setup beforeBind = () -> { };

    /** Work to do before each (re)bind to the consumer, such as creating the stream. */
    @FunctionalInterface
    public interface Setup {
        void run() throws Exception;
    }

    public AlertConsumer beforeBind(Setup setup) {
        this.beforeBind = setup;
        return this;
    }

    /** @param history told of every alert taken (first delivery or not); must not block */
    public AlertConsumer(Connection nats, ConsumerSettings settings, OutputSet outputs, DeliveryMetrics metrics,
                         Consumer<Alert> history, ScheduledExecutorService timer) {
        this.nats = nats;
        this.settings = settings;
        this.outputs = outputs;
        this.metrics = metrics;
        this.history = history;
        this.timer = timer;
        this.slots = new Semaphore(settings.maxInFlight());
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        long every = Math.max(100, settings.ackWait().toMillis() / 3);
        keepAlive = timer.scheduleAtFixedRate(() -> inFlight.forEach(Message::inProgress), every, every, TimeUnit.MILLISECONDS);
        loop = Thread.ofPlatform().name("alert-consumer-" + settings.durable()).daemon().start(this::run);
    }

    private void run() {
        Duration wait = Duration.ofMillis(500);
        while (running) {
            try {
                ConsumerContext cc = open();
                wait = Duration.ofMillis(500);
                while (running) {
                    take(cc);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Alert consumer %s on %s: %s; retrying in %s", settings.durable(), settings.stream(), e, wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : wait.multipliedBy(2);
            }
        }
    }

    /**
     * Fetches as many alerts as there are free delivery slots and delivers each as it arrives, or
     * hands them back when this consumer stops. Never more than it can deliver at once: an alert
     * left waiting in a fetch's queue is dropped by the client when the fetch's heartbeat alarm
     * goes off a few seconds after the fetch expired, and comes back only after the ack wait.
     */
    private void take(ConsumerContext cc) throws Exception {
        slots.acquire();
        int held = 1 + slots.drainPermits();
        int want = Math.min(held, settings.batch());
        slots.release(held - want);
        int unused = want;
        try {
            if (!running) {
                return;
            }
            try (FetchConsumer fetch = PullConsumers.fetch(cc, want)) {
                while (unused > 0) {
                    Message m = fetch.nextMessage();
                    if (m == null) {
                        return; // this fetch is over
                    }
                    unused--;
                    if (!running) {
                        slots.release();
                        if (!aborted) {
                            // Taken while stopping, with whatever else this fetch brings: back at once,
                            // not after the ack wait; another replica (or this one, restarted) delivers them.
                            PullConsumers.handBack(fetch, List.of(m));
                        }
                        return;
                    }
                    inFlight.add(m);
                    Thread.startVirtualThread(() -> {
                        try {
                            handle(m);
                        } finally {
                            inFlight.remove(m);
                            slots.release();
                        }
                    });
                }
            }
        } finally {
            slots.release(unused);
        }
    }

    private ConsumerContext open() throws Exception {
        beforeBind.run();
        StreamSetup.ensureConsumer(nats.jetStreamManagement(), settings);
        return nats.getStreamContext(settings.stream()).getConsumerContext(settings.durable());
    }

    void handle(Message m) {
        Instant arrived = m.isJetStream() ? m.metaData().timestamp().toInstant() : Instant.now();
        byte[] data = m.getData();
        if (data.length > settings.maxAlertBytes()) {
            reject(m, "too_large", "invalid alert: " + data.length + " bytes, more than the limit of "
                    + settings.maxAlertBytes());
            return;
        }
        Alert alert;
        try {
            alert = AlertJson.decode(new String(data, StandardCharsets.UTF_8));
        } catch (AlertJson.TooDeepException e) {
            reject(m, "too_deep", "invalid alert: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            reject(m, "malformed", "invalid alert: " + e.getMessage());
            return;
        }
        try {
            history.accept(alert);
        } catch (RuntimeException e) {
            LOG.debugf("history: %s", e);
        }
        Notification n = new Notification(alert, data, 1, List.of(alert.uuid()));
        List<CompletableFuture<Outcome>> pending = new ArrayList<>();
        for (OutputChannel c : outputs.channels()) {
            if (c.accepts(alert)) {
                pending.add(c.submit(n, arrived));
            }
        }
        List<Outcome> failed = new ArrayList<>();
        for (CompletableFuture<Outcome> f : pending) {
            Outcome o = f.join();
            if (!o.delivered()) {
                failed.add(o);
            }
        }
        if (aborted) {
            return;
        }
        if (failed.isEmpty()) {
            m.ack();
            return;
        }
        failed.forEach(o -> metrics.deadLettered(o.output()));
        String reason = failed.stream().map(o -> o.output() + ": " + o.reason() + " after " + o.attempts() + " attempt(s)")
                .collect(Collectors.joining("; "));
        deadLetter(m, alert, reason, failed.stream().map(Outcome::output).toList());
    }

    /**
     * An alert that can never be read is counted, kept on the dead-letter subject when that works,
     * and terminated either way: redelivering it would only fail again.
     */
    private void reject(Message m, String kind, String reason) {
        metrics.rejected(kind);
        try {
            publishDeadLetter(m, null, reason, List.of());
        } catch (Exception e) {
            LOG.errorf("Cannot publish an unreadable alert to dead-letter subject %s: %s; dropped (%s)",
                    settings.deadLetterSubject(), e.toString(), reason);
        }
        if (!aborted) {
            m.term();
        }
    }

    private void deadLetter(Message m, Alert alert, String reason, List<String> failedOutputs) {
        try {
            publishDeadLetter(m, alert, reason, failedOutputs);
            if (!aborted) {
                m.ack();
            }
        } catch (Exception e) {
            // Not acknowledged: JetStream hands it out again later, so it is still not lost.
            LOG.errorf("Cannot publish to dead-letter subject %s: %s; the alert will be redelivered",
                    settings.deadLetterSubject(), e.toString());
            if (!aborted) {
                m.nakWithDelay(Duration.ofSeconds(5));
            }
        }
    }

    private void publishDeadLetter(Message m, Alert alert, String reason, List<String> failedOutputs) throws Exception {
        Headers h = new Headers();
        h.put(REASON_HEADER, reason.replace('\n', ' ').replace('\r', ' '));
        if (!failedOutputs.isEmpty()) {
            h.put(FAILED_OUTPUTS_HEADER, String.join(",", failedOutputs));
        }
        if (alert != null) {
            h.put("Nats-Msg-Id", "deadletter-" + alert.uuid());
        }
        h.put("Peregrine-Original-Subject", m.getSubject());
        JetStream js = nats.jetStream();
        js.publish(NatsMessage.builder().subject(settings.deadLetterSubject()).headers(h).data(m.getData()).build(),
                PublishOptions.builder().build());
        LOG.warnf("Alert %s dead-lettered: %s", alert == null ? "(unreadable)" : alert.uuid(), reason);
    }

    public int inFlight() {
        return inFlight.size();
    }

    /** Stops taking alerts and waits up to {@code grace} for deliveries under way to finish. */
    public void stop(Duration grace) {
        running = false;
        long deadline = System.nanoTime() + grace.toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        shutdown();
        // What is still under way after the grace period is handed back for redelivery now;
        // an output that did take it meanwhile sees a duplicate, which at-least-once allows.
        inFlight.forEach(Message::nak);
    }

    /**
     * Stops as a crash would: nothing more is acknowledged, alerts under way are left to JetStream's
     * redelivery. For tests of the at-least-once guarantee and for a fast exit.
     */
    public void abort() {
        aborted = true;
        running = false;
        shutdown();
    }

    private synchronized void shutdown() {
        running = false;
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        if (loop != null) {
            try {
                loop.join(PullConsumers.PULL_EXPIRY.multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
