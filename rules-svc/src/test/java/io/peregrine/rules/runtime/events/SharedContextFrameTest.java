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

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/** Frames whose records share thread-context blocks, through the evaluator. */
class SharedContextFrameTest {

    private static final String RULES = """
            - rule: Write below etc
              desc: test
              condition: evt.type = openat and fd.name startswith /etc/ and proc.name != dpkg and user.name = root
              output: "etc write (proc=%proc.name cmd=%proc.cmdline parent=%proc.aname[2] file=%fd.name)"
              priority: ERROR
            """;

    private final CompiledRuleset rules = RuleCompiler.compile(new RulesetBuilder().add("t.yaml", RULES).build());
    private final List<Alert> alerts = new ArrayList<>();
    private final Evaluator evaluator = new Evaluator(() -> rules, a -> {
        alerts.add(a);
        return CompletableFuture.completedFuture(null);
    }, new LossAlerts(Priority.ERROR), new RuleThrottle(0, 1), false);

    private static void value(ProjectionEncoder p, String ref, String text) {
        FieldRef r = FieldCatalog.resolve(ref);
        p.field(r.field().id(), r.arg() == null ? null : r.arg().getBytes(StandardCharsets.UTF_8));
        p.bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void openat(ProjectionEncoder p, long num, long tid, String proc, String user, String file) {
        p.begin(num, 1_700_000_000_000_000_000L + num, tid, EventTypes.code("openat"), 307, ProjectionFormat.DIR_EXIT);
        value(p, "proc.name", proc);
        value(p, "proc.cmdline", proc + " --tid " + tid);
        value(p, "proc.aname[2]", "init-" + tid);
        value(p, "user.name", user);
        p.endContext();
        value(p, "fd.name", file);
        p.end();
    }

    private static byte[] frame(ProjectionEncoder p) {
        FrameEncoder f = new FrameEncoder(FrameKind.PROJECTED_EVENTS, "node-3", UUID.randomUUID(), 1 << 16);
        f.addRecords(p.segment(), 0, p.size(), p.records(), 1);
        return f.finish(0, 0);
    }

    @Test
    void contextValuesComeFromTheSharedBlockOfTheRightThread() {
        ProjectionEncoder p = new ProjectionEncoder(4096);
        String[] procs = {"vi", "dpkg", "nano"};
        List<String> want = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            long tid = 100 + n % 3;
            String proc = procs[n % 3];
            String user = n == 20 && tid == 102 ? "nobody" : "root"; // a setuid mid-frame for one thread
            openat(p, n, tid, proc, user, "/etc/f" + n);
            if (!proc.equals("dpkg") && user.equals("root")) {
                want.add(proc + " --tid " + tid + " init-" + tid + " /etc/f" + n);
            }
        }
        assertTrue(p.size() < 30 * 150, "records share their context: " + p.size() + " bytes");
        evaluator.onFrame(frame(p));
        assertEquals(30, evaluator.events());
        List<String> got = alerts.stream().map(a -> a.outputFields().get("proc.cmdline") + " "
                + a.outputFields().get("proc.aname[2]") + " " + a.outputFields().get("fd.name")).toList();
        assertEquals(want, got);
    }

    @Test
    void aFrameWithABrokenReferenceIsRejected() {
        ProjectionEncoder p = new ProjectionEncoder(4096);
        openat(p, 1, 7, "vi", "root", "/etc/a");
        openat(p, 2, 7, "vi", "root", "/etc/b");
        openat(p, 3, 7, "vi", "root", "/etc/c");
        var seg = p.segment();
        var i32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        int second = seg.get(i32, 0);
        int third = second + seg.get(i32, second);
        assertNotEquals(0, seg.get(i32, third + 36), "the third record refers to the first one's context");
        seg.set(i32, third + 36, third - second); // now to the second record, which has no block of its own
        assertThrows(MalformedFrameException.class, () -> evaluator.onFrame(frame(p)));
        seg.set(i32, third + 36, third + 1000); // before the frame's first record
        assertThrows(MalformedFrameException.class, () -> evaluator.onFrame(frame(p)));
    }
}
