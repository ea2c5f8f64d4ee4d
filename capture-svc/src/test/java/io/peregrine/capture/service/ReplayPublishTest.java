package io.peregrine.capture.service;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.peregrine.driver.capture.CaptureFileWriter;
import io.peregrine.driver.capture.CaptureHeader;
import io.peregrine.driver.scap.ScapReader;
import io.peregrine.protocol.Subjects;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.frame.FrameView;
import io.peregrine.kit.nats.NatsClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.*;

/** A fixture replayed by the service arrives on peregrine.raw.<node>, every event in order, then the end marker. */
@QuarkusTest
class ReplayPublishTest {

    @Inject
    CaptureService capture;

    @Inject
    NatsClient nats;

    @Test
    void replayPublishesExactlyTheFileThenEndOfStream() throws Exception {
        Path file = Fixtures.scap("open-multiple-files.scap");
        List<long[]> expected = new ArrayList<>(); // ts, tid, type per event as the reader sees it
        try (ScapReader r = ScapReader.open(file)) {
            r.drain(e -> expected.add(new long[] {e.ts(), e.tid(), e.type()}));
        }
        assertTrue(expected.size() > 80, "fixture has events: " + expected.size());

        Connection c = nats.connection();
        Subscription sub = c.subscribe(Subjects.raw(capture.node()));
        c.flush(Duration.ofSeconds(5));
        capture.start(file.toString(), 0);

        List<long[]> got = new ArrayList<>();
        FrameView v = new FrameView();
        EventRecord e = new EventRecord();
        long seq = 0;
        boolean ended = false;
        while (!ended) {
            Message m = sub.nextMessage(Duration.ofSeconds(10));
            assertNotNull(m, "no frame within 10 s; got " + got.size() + " events so far");
            v.wrap(m.getData());
            assertEquals(++seq, v.sequence());
            assertEquals(0, v.lost());
            for (int p = v.payloadStart(); p < v.payloadEnd(); p = v.nextRecord(p)) {
                e.wrap(v.segment(), p);
                got.add(new long[] {e.ts(), e.tid(), e.type()});
            }
            ended = v.endOfStream();
        }
        sub.unsubscribe();
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            assertArrayEquals(expected.get(i), got.get(i), "event " + i);
        }

        given().auth().oauth2(Tokens.of("viewer")).get("/api/v1/capture").then().statusCode(200)
                .body("state", equalTo("FINISHED"))
                .body("node", equalTo("capture-test"))
                .body("eventsSent", equalTo(expected.size()))
                .body("queueLost", equalTo(0));
        capture.stop();
    }

    @Test
    void aPeregrineCaptureFileReplaysTheSameEvents() throws Exception {
        Path scap = Fixtures.scap("cat_write.scap");
        Path own = Files.createTempFile("replay", ".peregrine");
        List<long[]> expected = new ArrayList<>();
        try (ScapReader r = ScapReader.open(scap);
             CaptureFileWriter w = CaptureFileWriter.create(own, CaptureHeader.of(UUID.randomUUID(), 0, "elsewhere"))) {
            r.drain(e -> {
                expected.add(new long[] {e.ts(), e.tid(), e.type()});
                try {
                    w.write(e);
                } catch (java.io.IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
        }
        List<long[]> got = replay(own);
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            assertArrayEquals(expected.get(i), got.get(i), "event " + i);
        }
    }

    @Test
    void aTruncatedFileDeliversWhatPrecedesTheDamageThenStopsWithItsOffset() throws Exception {
        Path whole = Fixtures.scap("open-multiple-files.scap");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.createTempFile("cut", ".scap");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        List<long[]> got = replay(cut);
        assertTrue(got.size() > 50, "events before the cut were published: " + got.size());
        assertEquals(io.peregrine.capture.pipeline.CapturePipeline.State.FAILED, capture.pipeline().state());
        assertTrue(capture.pipeline().failure().matches(".*\\b(byte|offset)\\b.*\\d+.*"), capture.pipeline().failure());
    }

    /** Replays a file through the service and returns (ts, tid, type) of every event published, up to the end marker. */
    private List<long[]> replay(Path file) throws Exception {
        Connection c = nats.connection();
        Subscription sub = c.subscribe(Subjects.raw(capture.node()));
        c.flush(Duration.ofSeconds(5));
        capture.start(file.toString(), 0);
        List<long[]> got = new ArrayList<>();
        FrameView v = new FrameView();
        EventRecord e = new EventRecord();
        boolean ended = false;
        while (!ended) {
            Message m = sub.nextMessage(Duration.ofSeconds(10));
            assertNotNull(m, "no frame within 10 s; got " + got.size() + " events so far");
            v.wrap(m.getData());
            for (int p = v.payloadStart(); p < v.payloadEnd(); p = v.nextRecord(p)) {
                e.wrap(v.segment(), p);
                got.add(new long[] {e.ts(), e.tid(), e.type()});
            }
            ended = v.endOfStream();
        }
        sub.unsubscribe();
        capture.pipeline().awaitFinished(5000);
        return got;
    }

    @Test
    void statusNeedsAToken() {
        given().get("/api/v1/capture").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void anUnreadableReplayFileIsReportedNotThrown() {
        capture.start("/nonexistent/capture.scap", 0);
        assertNull(capture.pipeline());
        assertTrue(capture.startError().contains("/nonexistent/capture.scap"), capture.startError());
        given().auth().oauth2(Tokens.of("viewer")).get("/api/v1/capture").then().statusCode(200)
                .body("state", equalTo("STOPPED"))
                .body("error", equalTo(capture.startError()));
    }
}
