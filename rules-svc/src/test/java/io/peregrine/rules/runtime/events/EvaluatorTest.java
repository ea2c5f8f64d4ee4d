package io.peregrine.rules.runtime.events;

import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.Priority;
import io.peregrine.protocol.fields.EventTypes;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.protocol.frame.FrameEncoder;
import io.peregrine.protocol.frame.FrameKind;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.protocol.projection.ProjectionFormat;
import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.compile.RuleCompiler;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
import io.peregrine.rules.runtime.alerts.RuleThrottle;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/** Projected frames, as state-svc sends them, through the evaluator to alerts. */
class EvaluatorTest {

    private static final String RULES = """
            - list: shadow_readers
              items: [passwd, chpasswd]
            - rule: Read shadow
              desc: test
              condition: evt.type in (open, openat) and fd.name = /etc/shadow and not proc.name in (shadow_readers)
              output: "shadow read (user=%user.name command=%proc.cmdline file=%fd.name parent=%proc.aname[2] ip=%fd.sip)"
              priority: WARNING
              tags: [filesystem, T1003]
            """;

    private final CompiledRuleset rules = RuleCompiler.compile(new RulesetBuilder().add("t.yaml", RULES).build());
    private final List<Alert> alerts = new ArrayList<>();

    private Evaluator evaluator(RuleThrottle throttle) {
        return new Evaluator(() -> rules, a -> {
            alerts.add(a);
            return CompletableFuture.completedFuture(null);
        }, new LossAlerts(Priority.ERROR), throttle, true);
    }

    private static void value(ProjectionEncoder p, String ref, String text) {
        FieldRef r = FieldCatalog.resolve(ref);
        p.field(r.field().id(), r.arg() == null ? null : r.arg().getBytes(StandardCharsets.UTF_8));
        p.bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] frame(String... procNames) {
        return frame(-1, procNames);
    }

    /** @param badVersionAt index of a record whose version byte is spoiled, or -1 */
    private static byte[] frame(int badVersionAt, String... procNames) {
        ProjectionEncoder p = new ProjectionEncoder(1024);
        FrameEncoder f = new FrameEncoder(FrameKind.PROJECTED_EVENTS, "node-7", UUID.randomUUID(), 4096);
        long num = 1;
        for (String proc : procNames) {
            p.begin(num, 1_700_000_000_000_000_000L + num, 42, EventTypes.code("openat"), 0, ProjectionFormat.DIR_EXIT);
            value(p, "fd.name", "/etc/shadow");
            value(p, "proc.name", proc);
            value(p, "user.name", "mallory");
            value(p, "proc.cmdline", proc + " /etc/shadow");
            value(p, "proc.aname[2]", "sshd");
            FieldRef ip = FieldCatalog.resolve("fd.sip");
            p.field(ip.field().id(), null);
            p.absent();
            int len = p.end();
            if (num - 1 == badVersionAt) {
                p.segment().set(java.lang.foreign.ValueLayout.JAVA_BYTE, 4, (byte) 99);
            }
            f.add(p.segment(), 0, len, num);
            p.clear();
            num++;
        }
        return f.finish(0, 0);
    }

    @Test
    void aMatchingProjectedEventBecomesAFalcoAlert() {
        Evaluator e = evaluator(new RuleThrottle(0, 1));
        assertTrue(e.onFrame(frame("cat", "passwd", "python3")).toCompletableFuture().isDone());
        assertEquals(3, e.events());
        assertEquals(2, alerts.size(), "passwd is an allowed reader");
        Alert a = alerts.getFirst();
        assertEquals("Read shadow", a.rule());
        assertEquals(Priority.WARNING, a.priority());
        assertEquals("node-7", a.hostname());
        assertEquals(List.of("filesystem", "T1003"), a.tags());
        assertTrue(a.output().endsWith("Warning shadow read (user=mallory command=cat /etc/shadow file=/etc/shadow parent=sshd ip=<NA>)"),
                a.output());
        assertEquals("cat", alerts.getFirst().outputFields().get("proc.cmdline").toString().split(" ")[0]);
        assertNull(a.outputFields().get("fd.sip"));
    }

    @Test
    void aFrameEvaluatedAgainYieldsTheSameAlertIds() {
        Evaluator e = evaluator(new RuleThrottle(0, 1));
        byte[] f = frame("cat", "python3");
        e.onFrame(f);
        e.onFrame(f); // a redelivery: JetStream drops the second copies by their ids
        assertEquals(4, alerts.size());
        assertEquals(alerts.get(0).uuid(), alerts.get(2).uuid());
        assertEquals(alerts.get(1).uuid(), alerts.get(3).uuid());
        assertNotEquals(alerts.get(0).uuid(), alerts.get(1).uuid(), "two events, two ids");
        e.onFrame(frame("cat"));
        assertNotEquals(alerts.get(0).uuid(), alerts.get(4).uuid(), "another capture boot, another id");
    }

    @Test
    void throttledAlertsAreCountedAndTheNextOneSaysSo() {
        Evaluator e = evaluator(new RuleThrottle(1e-9, 1)); // one alert, then (practically) none
        e.onFrame(frame("cat", "cat", "cat"));
        assertEquals(1, alerts.size());
        assertEquals(2, e.suppressed());
    }

    @Test
    void aLossMetaEventRaisesItsOwnAlert() {
        ProjectionEncoder p = new ProjectionEncoder(256);
        p.begin(9, 1_700_000_000_000_000_000L, 0, EventTypes.code("drop"), ProjectionFormat.SCAP_TYPE_META, ProjectionFormat.DIR_META);
        value(p, "evt.arg.lost", "17");
        value(p, "evt.arg.reason", "lost_in_capture");
        int len = p.end();
        FrameEncoder f = new FrameEncoder(FrameKind.PROJECTED_EVENTS, "node-7", UUID.randomUUID(), 512);
        f.add(p.segment(), 0, len, 1);
        evaluator(new RuleThrottle(0, 1)).onFrame(f.finish(0, 0));
        assertEquals(1, alerts.size());
        assertEquals(LossAlerts.RULE, alerts.getFirst().rule());
        assertEquals("17", alerts.getFirst().outputFields().get("evt.arg.lost"));
        assertTrue(alerts.getFirst().output().contains("lost=17 reason=lost_in_capture"), alerts.getFirst().output());
    }

    @Test
    void malformedFramesAreRejectedNotEvaluated() {
        Evaluator e = evaluator(new RuleThrottle(0, 1));
        byte[] f = frame("cat");
        f[f.length - 1] ^= 1;
        assertThrows(MalformedFrameException.class, () -> e.onFrame(f));
        FrameEncoder raw = new FrameEncoder(FrameKind.RAW_EVENTS, "n", UUID.randomUUID(), 64);
        assertThrows(MalformedFrameException.class, () -> e.onFrame(raw.finish(0, 0)));
        assertTrue(alerts.isEmpty());
    }

    @Test
    void aFrameMalformedHalfWayPublishesNothingOfItsFirstHalf() {
        Evaluator e = evaluator(new RuleThrottle(0, 1));
        // the first record matches; the second one is of an unknown version
        assertThrows(MalformedFrameException.class, () -> e.onFrame(frame(1, "cat", "cat")));
        assertTrue(alerts.isEmpty(), "alerts of a rejected frame: " + alerts);
        e.onFrame(frame("cat"));
        assertEquals(1, alerts.size(), "the evaluator goes on with the next frame");
    }

    @Test
    void aRecordEvaluatedOnItsOwnAlertsAsAFrameOfItAlone() {
        ProjectionEncoder p = new ProjectionEncoder(1024);
        p.begin(5, 1_700_000_000_000_000_005L, 42, EventTypes.code("openat"), 0, ProjectionFormat.DIR_EXIT);
        value(p, "fd.name", "/etc/shadow");
        value(p, "proc.name", "cat");
        value(p, "user.name", "mallory");
        int len = p.end();
        UUID boot = UUID.randomUUID();
        FrameEncoder f = new FrameEncoder(FrameKind.PROJECTED_EVENTS, "node-7", boot, 4096);
        f.add(p.segment(), 0, len, 5);
        evaluator(new RuleThrottle(0, 1)).onFrame(f.finish(0, 0));
        Evaluator e = evaluator(new RuleThrottle(0, 1));
        assertTrue(e.onEvent("node-7", boot, p.segment(), 0, len).toCompletableFuture().isDone());
        assertEquals(1, e.events());
        assertEquals(2, alerts.size());
        Alert framed = alerts.get(0);
        Alert alone = alerts.get(1);
        assertEquals(framed.uuid(), alone.uuid(), "same node, boot, event and rule: same id");
        assertEquals(framed.output(), alone.output());
        assertEquals(framed.time(), alone.time());
        assertEquals(framed.outputFields(), alone.outputFields());
        p.segment().set(java.lang.foreign.ValueLayout.JAVA_BYTE, 4, (byte) 99);
        assertThrows(MalformedFrameException.class, () -> e.onEvent("node-7", boot, p.segment(), 0, len));
        assertEquals(2, alerts.size());
    }
}
