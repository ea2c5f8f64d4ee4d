package io.peregrine.rules.runtime.events;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.peregrine.protocol.Subjects;
import io.peregrine.kit.nats.JetStreams;
import io.peregrine.kit.nats.NatsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The events consumer against a nats-server of its own (the Quarkus tests' consumer shares the
 * default server's durable and would take these frames): each frame reaches the handler, is
 * acknowledged only when the handler's future completes, is redelivered when it fails, and is
 * terminated when malformed; frames pulled but not handled go back on close.
 */
class EventStreamConsumerTest {

    private Process server;
    private Path dir;
    private NatsClient nats;
    private EventStreamConsumer consumer;

    @BeforeEach
    void startServer() throws Exception {
        dir = Files.createTempDirectory("rules-events");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new ProcessBuilder("nats-server", "-js", "-a", "127.0.0.1", "-p", Integer.toString(port),
                "-sd", dir.resolve("js").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nats.log").toFile()).start();
        for (int i = 0; ; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                if (i == 100) {
                    fail("nats-server did not start; see " + dir.resolve("nats.log"));
                }
                Thread.sleep(50);
            }
        }
        nats = new NatsClient(List.of("nats://127.0.0.1:" + port), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "rules-events-test", 1);
    }

    @AfterEach
    void stop() throws Exception {
        if (consumer != null) {
            consumer.close();
        }
        nats.connection().close();
        server.destroyForcibly().waitFor();
    }

    @Test
    void everyFrameIsHandledAndAcknowledged() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        consumer = new EventStreamConsumer(nats, f -> {
            seen.add(new String(f, StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(null);
        }, 64L << 20).start();
        publish("a", "b", "c");

        await(() -> seen.size() == 3, "three frames handled: " + seen);
        assertEquals(List.of("a", "b", "c"), seen);
        await(() -> pending() == 0, "acknowledged frames leave the work queue");
        assertEquals(3, consumer.frames());
    }

    @Test
    void aFailedFrameIsDeliveredAgainAndAMalformedOneIsDropped() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<String> done = new CopyOnWriteArrayList<>();
        consumer = new EventStreamConsumer(nats, f -> {
            String s = new String(f, StandardCharsets.UTF_8);
            if (s.equals("bad")) {
                throw new MalformedFrameException("not a frame");
            }
            if (s.equals("flaky") && attempts.incrementAndGet() == 1) {
                return CompletableFuture.failedFuture(new IOException("alerts not published"));
            }
            done.add(s);
            return CompletableFuture.completedFuture(null);
        }, 64L << 20).start();
        publish("flaky", "bad", "good");

        await(() -> done.contains("flaky") && done.contains("good"), "both good frames handled: " + done);
        assertEquals(2, attempts.get(), "the failed frame came back once");
        assertEquals(1, consumer.failed());
        await(() -> consumer.rejected() == 1, "the malformed frame counted");
        await(() -> pending() == 0, "nothing left in the work queue");
    }

    @Test
    void framesNotHandledBeforeCloseAreLeftForTheNextConsumer() throws Exception {
        List<String> first = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> never = new CompletableFuture<>();
        consumer = new EventStreamConsumer(nats, f -> {
            first.add(new String(f, StandardCharsets.UTF_8));
            return never; // handled but its alerts never confirmed: must not be acknowledged
        }, 64L << 20).start();
        publish("x", "y");
        await(() -> first.size() == 2, "both frames reached the first consumer: " + first);
        consumer.close();

        List<String> second = new CopyOnWriteArrayList<>();
        consumer = new EventStreamConsumer(nats, f -> {
            second.add(new String(f, StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(null);
        }, 64L << 20).start();
        // unacknowledged frames come back after the ack wait at the latest; nak'd ones at once
        await(() -> second.containsAll(List.of("x", "y")), "the second consumer got them: " + second);
    }

    @Test
    void aConsumerStoppedWithFramesBufferedLosesNone() throws Exception {
        List<String> first = new CopyOnWriteArrayList<>();
        consumer = new EventStreamConsumer(nats, f -> {
            first.add(new String(f, StandardCharsets.UTF_8));
            try {
                Thread.sleep(100); // slow: the rest of the pulled batch waits in the client
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CompletableFuture.completedFuture(null);
        }, 64L << 20).start();
        String[] frames = new String[30];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = "f" + i;
        }
        publish(frames);
        await(() -> first.size() >= 2, "the first consumer started: " + first);
        consumer.close();

        List<String> second = new CopyOnWriteArrayList<>();
        consumer = new EventStreamConsumer(nats, f -> {
            second.add(new String(f, StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(null);
        }, 64L << 20).start();
        await(() -> {
            java.util.Set<String> all = new java.util.HashSet<>(first);
            all.addAll(second);
            return all.size() == frames.length;
        }, "every frame handled by one consumer or the other: first " + first + ", second " + second);
        await(() -> pending() == 0, "nothing left in the work queue");
    }

    private void publish(String... frames) throws Exception {
        Connection c = nats.connection();
        JetStreams.ensure(c.jetStreamManagement(), EventStreamConsumer.eventsStream(64L << 20, 1));
        for (String f : frames) {
            c.jetStream().publish(Subjects.events("n1"), f.getBytes(StandardCharsets.UTF_8));
        }
    }

    private long pending() {
        try {
            JetStreamManagement jsm = nats.connection().jetStreamManagement();
            return jsm.getStreamInfo(Subjects.EVENTS_STREAM).getStreamState().getMsgCount();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not reached: " + what);
            }
            Thread.sleep(20);
        }
    }
}
