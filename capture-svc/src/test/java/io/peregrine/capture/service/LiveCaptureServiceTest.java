package io.peregrine.capture.service;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.peregrine.protocol.Subjects;
import io.peregrine.kit.nats.InterestBucket;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.frame.FrameView;
import io.peregrine.protocol.interest.Interest;
import io.peregrine.kit.nats.NatsClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The service on the real kernel (root, as in CI): a child's actions arrive on the node's subject,
 * and the interest written to the KV bucket switches a syscall on and off in the kernel.
 */
@QuarkusTest
class LiveCaptureServiceTest {

    @Inject
    CaptureService capture;

    @Inject
    NatsClient nats;

    @AfterEach
    void stop() {
        capture.stop();
    }

    @Test
    void aChildsFileActionsArriveOnTheSubject() throws Exception {
        Subscription sub = subscribe();
        capture.start("live", 0);
        // The bucket is shared with the run's other tests, which may have left a narrower interest.
        putInterest(Interest.of(false, Map.of("openat", Set.of("fd.name"), "rename", Set.of("fd.name"),
                "renameat", Set.of("fd.name"), "renameat2", Set.of("fd.name"), "unlinkat", Set.of("fd.name"))));
        awaitSelection(true);
        String marker = "/tmp/peregrine-live-" + UUID.randomUUID();
        run("echo hi > " + marker + " && mv " + marker + " " + marker + ".moved && rm " + marker + ".moved");

        List<String> seen = collectUntil(sub, marker + ".moved", "unlinkat");
        assertTrue(seen.contains("openat " + marker), "open of the new file: " + seen);
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("rename") && s.contains(marker)), "rename: " + seen);
        assertTrue(seen.contains("unlinkat " + marker + ".moved"), "unlink: " + seen);
        sub.unsubscribe();
    }

    @Test
    void theInterestSwitchesASyscallOnAndOffInTheKernel() throws Exception {
        Subscription sub = subscribe();
        capture.start("live", 0);

        // unlinkat is not in the base set that state needs: without interest in it, it is not emitted.
        putInterest(Interest.of(false, Map.of("openat", Set.of("fd.name"))));
        awaitSelection(false);
        String off = "/tmp/peregrine-off-" + UUID.randomUUID();
        run("touch " + off + " && rm " + off + " && cat " + off + ".done 2>/dev/null; true");
        List<String> seenOff = collectUntil(sub, off + ".done", "openat");
        // Only the child's own rm counts: other processes' unlinkat (the test's nats-server creating
        // the interest bucket, say) may have been recorded before the kernel selection changed.
        assertTrue(seenOff.contains("openat " + off), "the child's own actions were captured: " + seenOff);
        assertFalse(seenOff.contains("unlinkat " + off), "unlinkat while not selected: " + seenOff);

        putInterest(Interest.of(false, Map.of("openat", Set.of("fd.name"), "unlinkat", Set.of("fd.name"))));
        awaitSelection(true);
        String on = "/tmp/peregrine-on-" + UUID.randomUUID();
        run("touch " + on + " && rm " + on + " && cat " + on + ".done 2>/dev/null; true");
        List<String> seenOn = collectUntil(sub, on + ".done", "openat");
        assertTrue(seenOn.contains("unlinkat " + on), "unlinkat once selected: " + seenOn);
        sub.unsubscribe();
    }

    private Subscription subscribe() throws Exception {
        Connection c = nats.connection();
        Subscription sub = c.subscribe(Subjects.raw(capture.node()));
        c.flush(Duration.ofSeconds(5));
        return sub;
    }

    private void putInterest(Interest interest) throws Exception {
        // the same opener as the services: the service may have created the bucket first
        InterestBucket.open(nats.connection()).put(Subjects.INTEREST_KEY, interest.encode());
    }

    private void awaitSelection(boolean unlinkat) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> sel = capture.pipeline().source().selection();
            if (sel.contains("unlinkat") == unlinkat && sel.contains("openat")) {
                return;
            }
            Thread.sleep(50);
        }
        fail("the selection did not follow the interest: " + capture.pipeline().source().selection());
    }

    private static void run(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).inheritIO().start();
        assertEquals(0, p.waitFor(), "child script failed: " + script);
    }

    /**
     * Decodes frames until an event of type {@code lastType} on {@code lastPath} arrives; returns
     * "type path" for every file event of the child seen until then.
     */
    private static List<String> collectUntil(Subscription sub, String lastPath, String lastType) throws Exception {
        List<String> seen = new ArrayList<>();
        FrameView v = new FrameView();
        EventRecord e = new EventRecord();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Message m = sub.nextMessage(Duration.ofMillis(500));
            if (m == null) {
                continue;
            }
            v.wrap(m.getData());
            for (int p = v.payloadStart(); p < v.payloadEnd(); p = v.nextRecord(p)) {
                e.wrap(v.segment(), p);
                EventType t = e.eventType();
                if (t == null || t.direction() != io.peregrine.protocol.event.EventDirection.EXIT) {
                    continue;
                }
                String path = path(e, t);
                if (path == null || !path.startsWith("/tmp/peregrine-")) {
                    continue;
                }
                seen.add(t.name() + " " + path);
                if (t.name().equals(lastType) && path.equals(lastPath)) {
                    return seen;
                }
            }
        }
        fail("no " + lastType + " of " + lastPath + " within 20 s; seen " + seen);
        return seen;
    }

    private static String path(EventRecord e, EventType t) {
        for (String name : new String[] {"name", "path", "oldpath", "newpath"}) {
            int i = t.paramIndex(name);
            if (i >= 0) {
                return e.string(i);
            }
        }
        return null;
    }
}
