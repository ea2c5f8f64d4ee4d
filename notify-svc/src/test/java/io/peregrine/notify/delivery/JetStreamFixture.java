package io.peregrine.notify.delivery;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.protocol.Subjects;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * A real NATS server (PEREGRINE_NATS_URL, else the development server) with an alert stream and a
 * dead-letter stream of their own, so test runs do not see each other's alerts.
 */
public final class JetStreamFixture implements AutoCloseable {

    public final Connection nats;
    public final String id = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    public final String stream = "T_ALERTS_" + id;
    public final String prefix = "t" + id + ".alerts";
    public final String deadStream = "T_DEAD_" + id;
    public final String deadSubject = "t" + id + ".deadletter";
    public final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final List<AlertConsumer> consumers = new ArrayList<>();

    public JetStreamFixture() throws Exception {
        String url = System.getenv().getOrDefault("PEREGRINE_NATS_URL", "nats://127.0.0.1:4222");
        nats = Nats.connect(url);
        StreamSetup.ensureStream(nats.jetStreamManagement(), stream, prefix + ".>", Duration.ofHours(1), 1);
        StreamSetup.ensureStream(nats.jetStreamManagement(), deadStream, deadSubject, Duration.ofHours(1), 1);
    }

    public ConsumerSettings settings(String durable, Duration ackWait) {
        return new ConsumerSettings(stream, prefix + ".>", durable, deadSubject, ackWait, 256, 64);
    }

    public AlertConsumer consumer(String durable, OutputSet outputs, DeliveryMetrics metrics, Duration ackWait) {
        AlertConsumer c = new AlertConsumer(nats, settings(durable, ackWait), outputs, metrics, a -> { }, timer);
        consumers.add(c);
        c.start();
        return c;
    }

    public AlertConsumer consumer(ConsumerSettings settings, OutputSet outputs, DeliveryMetrics metrics) {
        AlertConsumer c = new AlertConsumer(nats, settings, outputs, metrics, a -> { }, timer);
        consumers.add(c);
        c.start();
        return c;
    }

    public void publish(Alert a) throws Exception {
        publishRaw(prefix + "." + a.priority().name().toLowerCase(Locale.ROOT) + "." + Subjects.token(a.rule()),
                AlertJson.encode(a).getBytes(StandardCharsets.UTF_8));
    }

    public void publishRaw(String subject, byte[] data) throws Exception {
        nats.jetStream().publish(subject, data);
    }

    /** Everything on the dead-letter stream so far. */
    public List<Message> deadLetters() throws Exception {
        JetStreamSubscription sub = nats.jetStream().subscribe(deadSubject,
                PullSubscribeOptions.builder().stream(deadStream)
                        .configuration(ConsumerConfiguration.builder().inactiveThreshold(Duration.ofSeconds(30)).build()).build());
        List<Message> out = new ArrayList<>();
        long n = nats.jetStreamManagement().getStreamInfo(deadStream).getStreamState().getMsgCount();
        while (out.size() < n) {
            List<Message> batch = sub.fetch((int) (n - out.size()), Duration.ofSeconds(2));
            if (batch.isEmpty()) {
                break;
            }
            out.addAll(batch);
        }
        sub.unsubscribe();
        return out;
    }

    public ConsumerInfo consumerInfo(String durable) throws Exception {
        return nats.jetStreamManagement().getConsumerInfo(stream, durable);
    }

    /** True once every alert of the stream is acknowledged by the durable consumer. */
    public boolean allAcked(String durable) {
        try {
            ConsumerInfo ci = consumerInfo(durable);
            return ci.getNumPending() == 0 && ci.getNumAckPending() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Waits for a condition that must come true; the generous limit only keeps a broken build from
     * hanging, it measures nothing.
     */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never came true: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        consumers.forEach(AlertConsumer::abort);
        try {
            nats.jetStreamManagement().deleteStream(stream);
            nats.jetStreamManagement().deleteStream(deadStream);
        } catch (JetStreamApiException ignored) {
            // Already gone.
        }
        timer.shutdownNow();
        nats.close();
    }
}
