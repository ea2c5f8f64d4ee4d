package io.peregrine.rules.runtime.events;

import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.frame.FrameFormatException;
import io.peregrine.protocol.frame.FrameKind;
import io.peregrine.protocol.frame.FrameView;
import io.peregrine.protocol.projection.ProjectedEventView;
import io.peregrine.rules.engine.compile.CompiledRule;
import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.output.AlertFactory;
import io.peregrine.rules.runtime.alerts.RuleThrottle;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Evaluates every projected record of a frame against the active ruleset, on one thread. Matches
 * become alerts (throttled per rule) handed to {@code publish}; the returned stage completes when
 * all of the frame's alerts are stored, which is when the frame may be acknowledged. A record
 * that is not in a frame (a capture trial projects and evaluates event by event) is evaluated on
 * its own with {@link #onEvent}.
 */
public final class Evaluator implements FrameHandler {

    // Shared by every record without alerts: completed, and a minimal stage, so no caller can complete it again.
    private static final CompletionStage<Void> NOTHING_PENDING = CompletableFuture.completedStage(null);

    private final Supplier<CompiledRuleset> ruleset;
    private final Function<Alert, CompletionStage<?>> publish;
    private final LossAlerts loss;
    private final RuleThrottle throttle;
    private final boolean firstOnly;
    private final FrameView frame = new FrameView();
    private final ProjectedFieldValues values = new ProjectedFieldValues();
    private final List<CompletableFuture<?>> pending = new ArrayList<>();
    // A field, not this::matched at each call: a bound method reference may be a new object per event.
    private final CompiledRuleset.MatchSink sink = this::matched;
    private AlertFactory alerts;
    private long bootMsb;
    private long bootLsb;
    private long currentNum;
    private long currentTs;
    private long currentTid;
    private String alertsNode;
    private long events;
    private long matches;
    private long suppressed;

    public Evaluator(Supplier<CompiledRuleset> ruleset, Function<Alert, CompletionStage<?>> publish, LossAlerts loss,
                     RuleThrottle throttle, boolean firstOnly) {
        this.ruleset = ruleset;
        this.publish = publish;
        this.loss = loss;
        this.throttle = throttle;
        this.firstOnly = firstOnly;
    }

    @Override
    public CompletionStage<?> onFrame(byte[] data) {
        try {
            frame.wrap(data);
        } catch (FrameFormatException e) {
            throw new MalformedFrameException(e.getMessage());
        }
        if (frame.kind() != FrameKind.PROJECTED_EVENTS) {
            throw new MalformedFrameException("expected a frame of projected events, got " + frame.kind());
        }
        String node = frame.node();
        CompiledRuleset rules = begin(node, frame.bootIdMsb(), frame.bootIdLsb());
        // The whole frame is checked before any record is evaluated: a frame found malformed half
        // way must not have published the alerts of its first half.
        values.beginFrame(frame.segment(), frame.payloadStart());
        for (int p = frame.payloadStart(); p < frame.payloadEnd(); p = frame.nextRecord(p)) {
            String bad = values.wrap(frame.segment(), p).validate(frame.payloadEnd() - p);
            if (bad != null) {
                throw new MalformedFrameException(bad);
            }
        }
        for (int p = frame.payloadStart(); p < frame.payloadEnd(); p = frame.nextRecord(p)) {
            evaluate(rules, values.wrap(frame.segment(), p), node);
        }
        if (pending.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
    }

    /**
     * Evaluates the one projected record of {@code length} bytes at {@code offset}, as if it were
     * a frame of that record alone from {@code node} and capture {@code boot}: the same checks,
     * matches, alerts and alert ids, without building or decoding a frame. The record carries its
     * own thread context (there is no earlier record to refer to).
     *
     * @throws MalformedFrameException when the record is malformed
     */
    public CompletionStage<?> onEvent(String node, UUID boot, MemorySegment segment, long offset, long length) {
        CompiledRuleset rules = begin(node, boot.getMostSignificantBits(), boot.getLeastSignificantBits());
        values.beginFrame(segment, offset);
        ProjectedEventView e = values.wrap(segment, offset);
        String bad = e.validate(length);
        if (bad != null) {
            throw new MalformedFrameException(bad);
        }
        evaluate(rules, e, node);
        if (pending.isEmpty()) {
            return NOTHING_PENDING;
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
    }

    /** Starts a batch of records (a frame, or one record): alert factory, boot id, ruleset and slots. */
    private CompiledRuleset begin(String node, long msb, long lsb) {
        if (!node.equals(alertsNode)) {
            alerts = new AlertFactory(node);
            alertsNode = node;
        }
        bootMsb = msb;
        bootLsb = lsb;
        CompiledRuleset rules = ruleset.get();
        values.bind(rules.slots());
        pending.clear();
        return rules;
    }

    /** Evaluates one validated record, wrapped in {@link #values}. */
    private void evaluate(CompiledRuleset rules, ProjectedEventView e, String node) {
        events++;
        currentNum = e.num();
        currentTs = e.ts();
        currentTid = e.tid();
        if (loss.isLossEvent(e)) {
            pending.add(publish.apply(loss.alert(alertId(LossAlerts.RULE), e, node)).toCompletableFuture());
            return;
        }
        rules.evaluate(values, firstOnly, sink);
    }

    private void matched(CompiledRule rule, io.peregrine.rules.engine.eval.FieldValues event) {
        matches++;
        long held = throttle.acquire(rule.index(), System.nanoTime());
        if (held < 0) {
            suppressed++;
            return;
        }
        Alert a = alerts.create(alertId(rule.name()), rule.name(), rule.priority(), rule.tags(), rule.source(), rule.output(), event);
        if (held > 0) {
            a = LossAlerts.withSuppressed(a, held);
        }
        pending.add(publish.apply(a).toCompletableFuture());
    }

    /**
     * The alert's id from node, capture boot, event number, time, thread and rule: a frame evaluated
     * again after a redelivery publishes the same ids, which JetStream's duplicate window drops.
     * Time and thread are in the key because event numbers restart when state-svc restarts.
     */
    private String alertId(String rule) {
        String key = alertsNode + '/' + new UUID(bootMsb, bootLsb) + '/' + currentNum + '/' + currentTs + '/' + currentTid + '/' + rule;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public long events() {
        return events;
    }

    public long matches() {
        return matches;
    }

    public long suppressed() {
        return suppressed;
    }
}
