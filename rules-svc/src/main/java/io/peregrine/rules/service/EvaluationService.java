package io.peregrine.rules.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.peregrine.protocol.alert.Priority;
import io.peregrine.kit.nats.JetStreamReadiness;
import io.peregrine.kit.nats.NatsClient;
import io.peregrine.rules.runtime.alerts.AlertPublisher;
import io.peregrine.rules.runtime.alerts.RuleThrottle;
import io.peregrine.rules.runtime.live.ActiveRuleset;
import io.peregrine.rules.runtime.events.Evaluator;
import io.peregrine.rules.runtime.events.EventStreamConsumer;
import io.peregrine.rules.runtime.events.LossAlerts;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The event path of rules-svc: projected frames from the shared work queue, evaluated against
 * the active ruleset, alerts to JetStream. One evaluation thread per replica; scale by replicas.
 */
@ApplicationScoped
public class EvaluationService {

    private final NatsClient nats;
    private final ActiveRuleset active;
    private final MeterRegistry registry;
    private final boolean enabled;
    private final double throttleRate;
    private final int throttleBurst;
    private final boolean firstOnly;
    private final long streamBytes;
    private final Priority lossPriority;
    private final JetStreamReadiness readiness;
    private EventStreamConsumer consumer;
    private Evaluator evaluator;

    public EvaluationService(NatsClient nats, ActiveRuleset active, MeterRegistry registry, RulesConfig config,
                             JetStreamReadiness readiness) {
        this.nats = nats;
        this.readiness = readiness;
        this.active = active;
        this.registry = registry;
        this.enabled = config.evaluate();
        this.throttleRate = config.throttle().rate();
        this.throttleBurst = config.throttle().burst();
        this.firstOnly = !"all".equalsIgnoreCase(config.matching());
        this.streamBytes = config.eventsStreamBytes();
        this.lossPriority = Priority.parse(config.lossPriority());
    }

    void onStart(@Observes @jakarta.annotation.Priority(StartOrder.EVENTS) StartupEvent ev) {
        if (!enabled) {
            return;
        }
        AlertPublisher publisher = new AlertPublisher(nats, readiness);
        evaluator = new Evaluator(() -> active.current().compiled(), publisher::publish, new LossAlerts(lossPriority),
                new RuleThrottle(throttleRate, throttleBurst), firstOnly);
        consumer = new EventStreamConsumer(nats, evaluator, streamBytes, readiness).start();
        // The alerts stream is made now, not at the first alert: readiness tells a refusal at once.
        Thread.ofVirtual().name("rules-alerts-stream").start(() -> {
            while (!publisher.ensureStream()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        FunctionCounter.builder("peregrine_rules_events_evaluated", evaluator, Evaluator::events)
                .description("Projected events evaluated").register(registry);
        FunctionCounter.builder("peregrine_rules_matches", evaluator, Evaluator::matches)
                .description("Rule matches").register(registry);
        FunctionCounter.builder("peregrine_rules_alerts_suppressed", evaluator, Evaluator::suppressed)
                .description("Alerts held back by per-rule throttling").register(registry);
        FunctionCounter.builder("peregrine_rules_frames", consumer, EventStreamConsumer::frames)
                .description("Projected frames evaluated and acknowledged").register(registry);
        FunctionCounter.builder("peregrine_rules_frames_rejected", consumer, EventStreamConsumer::rejected)
                .description("Malformed frames skipped").register(registry);
        FunctionCounter.builder("peregrine_rules_frames_failed", consumer, EventStreamConsumer::failed)
                .description("Frames whose alerts could not be published (redelivered)").register(registry);
    }

    void onStop(@Observes ShutdownEvent ev) throws InterruptedException {
        if (consumer != null) {
            consumer.close();
        }
    }

    public Evaluator evaluator() {
        return evaluator;
    }
}
