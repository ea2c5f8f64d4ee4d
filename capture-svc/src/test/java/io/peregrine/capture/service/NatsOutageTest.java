package io.peregrine.capture.service;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.peregrine.capture.pipeline.CapturePipeline;
import io.peregrine.capture.pipeline.CaptureSource;
import io.peregrine.driver.source.EventConsumer;
import io.peregrine.driver.source.EventSource;
import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventRecordBuilder;
import io.peregrine.protocol.frame.FrameView;
import io.peregrine.kit.nats.NatsSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * nats-server killed in the middle of a live-like stream and started again: the capture keeps
 * running, resumes publishing by itself, and every event is either received or counted as lost —
 * exactly, by the frames' stream index.
 */
class NatsOutageTest {

    private Process server;
    private Path dir;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void survivesAServerRestartAndCountsTheLossExactly() throws Exception {
        dir = Files.createTempDirectory("nats-outage");
        int port = freePort();
        startServer(port);
        String url = "nats://127.0.0.1:" + port;

        RateSource source = new RateSource(50); // 50 events per poll, ~1 ms apart, until stopped
        Connection pub = Nats.connectReconnectOnConnect(NatsSettings.plain(url).toOptions("outage-pub", null, null));
        Connection sub = Nats.connectReconnectOnConnect(NatsSettings.plain(url).toOptions("outage-sub", null, null));
        Subscription s = sub.subscribe("peregrine.raw.outage");
        sub.flush(Duration.ofSeconds(5));

        CapturePipeline p = new CapturePipeline(source, new NatsFrameSink(pub, "peregrine.raw.outage"), "outage",
                UUID.randomUUID(), 16 * 1024, 5, 64, 0).start();

        long received = 0;
        long receivedAfterRestart = 0;
        long loss = 0;
        long prevIndex = -1;
        int prevCount = 0;
        boolean restarted = false;
        boolean ended = false;
        FrameView v = new FrameView();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!ended && System.nanoTime() < deadline) {
            if (!restarted && received > 30_000) {
                server.destroyForcibly().waitFor();
                Thread.sleep(1500);
                startServer(port);
                restarted = true;
            }
            Message m = s.nextMessage(Duration.ofMillis(500));
            if (m == null) {
                continue;
            }
            v.wrap(m.getData());
            loss += prevIndex < 0 ? v.firstIndex() : FrameView.lossBetween(prevIndex, prevCount, v.firstIndex(), v.lost());
            received += v.count();
            if (restarted) {
                receivedAfterRestart += v.count();
                if (receivedAfterRestart >= 30_000) {
                    source.stop(); // enough after the restart: end the stream
                }
            }
            prevIndex = v.firstIndex();
            prevCount = v.count();
            ended = v.endOfStream();
        }
        assertTrue(restarted, "the server was restarted mid-stream");
        assertTrue(ended, "the end of the stream arrived after the restart; received " + received + " ("
                + receivedAfterRestart + " after the restart), loss " + loss + ", source read " + source.eventsRead()
                + ", capture " + p.state() + ", publisher " + pub.getStatus() + ", subscriber " + sub.getStatus()
                + "; nats-server log: " + tail(dir.resolve("nats.log")));
        assertTrue(p.awaitFinished(10_000));
        assertEquals(CapturePipeline.State.FINISHED, p.state(), "the capture kept running through the outage");
        assertEquals(source.eventsRead(), received + loss, "every event was received or counted as lost");
        assertTrue(receivedAfterRestart >= 30_000, "publishing resumed after the restart");
        pub.close();
        sub.close();
    }

    private void startServer(int port) throws Exception {
        // Appended, so that the log of the first server survives the restart for diagnosis.
        server = new ProcessBuilder("nats-server", "-a", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("nats.log").toFile()))
                .start();
        for (int i = 0; i < 100; i++) {
            if (!server.isAlive()) {
                fail("nats-server exited at start: " + tail(dir.resolve("nats.log")));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        fail("nats-server did not start: " + tail(dir.resolve("nats.log")));
    }

    /**
     * A free port below the kernel's ephemeral range. While the server is down the clients keep
     * reconnecting to it, and any outgoing connection on the host (theirs included) could take an
     * ephemeral port as its local port, so that the restarted server could not bind it again.
     */
    private static int freePort() throws IOException {
        // One read with a whole buffer: sysctl files answer nothing to a read that does not start at 0,
        // and Files.readString makes a one-byte read first on a file that reports size 0.
        String text;
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        String[] range = text.trim().split("\\s+");
        int low = Integer.parseInt(range[0]);
        if (low <= 11_000) {
            throw new IllegalStateException("no ports below the ephemeral range " + low + "-" + range[1]);
        }
        Random random = new Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 10_000 + random.nextInt(low - 10_000);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port below " + low);
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Close-exit events, about {@code perPoll} every millisecond, until stopped. */
    static final class RateSource implements CaptureSource, EventSource {
        private volatile boolean stopped;
        private final int perPoll;
        private final EventRecordBuilder b = new EventRecordBuilder();
        private final EventRecord view = new EventRecord();
        private int next;
        private long lastPoll;

        RateSource(int perPoll) {
            this.perPoll = perPoll;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public int poll(EventConsumer consumer, int max) {
            if (stopped) {
                return -1;
            }
            long now = System.nanoTime();
            if (now - lastPoll < 1_000_000L) {
                return 0;
            }
            lastPoll = now;
            int n = 0;
            while (n < Math.min(max, perPoll)) {
                b.begin(System.currentTimeMillis() * 1_000_000L, next, EventCodes.PPME_SYSCALL_CLOSE_X, 1).addI64(0);
                int len = b.finish();
                consumer.accept(view.wrap(b.segment().asSlice(0, len), 0));
                next++;
                n++;
            }
            return n;
        }

        @Override
        public long eventsRead() {
            return next;
        }

        @Override
        public long eventsSkipped() {
            return 0;
        }

        @Override
        public EventSource events() {
            return this;
        }

        @Override
        public String description() {
            return "rate";
        }

        /** Live-like: the publisher may drop when NATS is away, as with the kernel ring. */
        @Override
        public boolean finite() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
