package io.peregrine.notify.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.api.PublishAck;
import io.peregrine.notify.delivery.Alerts;
import io.peregrine.notify.delivery.AlertConsumer;
import io.peregrine.notify.delivery.ConsumerSettings;
import io.peregrine.notify.delivery.DeliveryMetrics;
import io.peregrine.notify.delivery.JetStreamFixture;
import io.peregrine.notify.delivery.OutputChannel;
import io.peregrine.notify.delivery.OutputSet;
import io.peregrine.notify.delivery.RetryPolicy;
import io.peregrine.notify.output.OutputSpec;
import io.peregrine.notify.output.Outputs;
import io.peregrine.notify.output.WebhookOutput;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.protocol.alert.Priority;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivery benchmark of one replica: (1) throughput, a backlog of alerts in JetStream drained to a
 * local webhook receiver; (2) latency from publish to receipt at a steady 500 alerts/s.
 * Run: ./mvnw -pl notify-svc test-compile exec:java -Dexec.classpathScope=test
 *      -Dexec.mainClass=io.peregrine.notify.bench.DeliveryBench [-Dexec.args="50000 20"]
 */
public final class DeliveryBench {

    public static void main(String[] args) throws Exception {
        int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ConcurrentHashMap<String, Long> received = new ConcurrentHashMap<>();
        AtomicInteger count = new AtomicInteger();
        // The receiver is a Vert.x server on one event loop, so the figures are those of notify-svc's
        // side rather than of a slow receiver.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            received.put(req.getHeader(WebhookOutput.ALERT_ID_HEADER), System.nanoTime());
            count.incrementAndGet();
            req.response().setStatusCode(200).end();
        }));
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
        String url = "http://127.0.0.1:" + server.actualPort() + "/hook";

        try (JetStreamFixture js = new JetStreamFixture()) {
            // Throughput: publish the backlog first, then time the drain.
            List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                Alert a = Alerts.alert("Terminal shell in container", Priority.WARNING);
                acks.add(js.nats.jetStream().publishAsync(js.prefix + ".warning.shell",
                        AlertJson.encode(a).getBytes(StandardCharsets.UTF_8)));
                if (acks.size() == 1000) {
                    acks.forEach(CompletableFuture::join);
                    acks.clear();
                }
            }
            acks.forEach(CompletableFuture::join);
            OutputSet outputs = new OutputSet(js.timer);
            OutputSpec spec = OutputSpec.builder("bench", "webhook").url(url).build();
            DeliveryMetrics metrics = new DeliveryMetrics(new SimpleMeterRegistry());
            RetryPolicy retry = new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(1));
            outputs.replace(List.of(new OutputChannel(spec, Outputs.create(spec, js.nats), retry, metrics, js.timer)));
            ConsumerSettings settings = new ConsumerSettings(js.stream, js.prefix + ".>", "bench", js.deadSubject,
                    Duration.ofSeconds(30), 1024, 256);
            long t0 = System.nanoTime();
            AlertConsumer consumer = new AlertConsumer(js.nats, settings, outputs, metrics, a -> { }, js.timer);
            consumer.start();
            while (count.get() < backlog) {
                Thread.sleep(5);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            JetStreamFixture.await("backlog acked", () -> js.allAcked("bench"));
            System.out.printf(Locale.ROOT, "throughput: %d alerts delivered in %.2f s = %.0f alerts/s%n",
                    backlog, secs, backlog / secs);

            // Latency at 500 alerts/s: publish on a fixed schedule, measure publish -> receipt.
            received.clear();
            int n = 500 * seconds;
            String[] ids = new String[n];
            long[] sentAt = new long[n];
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long due = start + i * 2_000_000L;
                long now;
                while ((now = System.nanoTime()) < due) {
                    Thread.sleep(Math.max(0, (due - now) / 1_000_000));
                    if (due - System.nanoTime() < 1_000_000) {
                        Thread.onSpinWait();
                    }
                }
                Alert a = Alerts.alert("Terminal shell in container", Priority.WARNING);
                ids[i] = a.uuid();
                sentAt[i] = System.nanoTime();
                js.nats.jetStream().publishAsync(js.prefix + ".warning.shell", AlertJson.encode(a).getBytes(StandardCharsets.UTF_8));
            }
            JetStreamFixture.await("all received", () -> received.size() >= n);
            long[] lat = new long[n];
            for (int i = 0; i < n; i++) {
                lat[i] = received.get(ids[i]) - sentAt[i];
            }
            Arrays.sort(lat);
            System.out.printf(Locale.ROOT, "latency at 500 alerts/s over %d s (%d alerts): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    seconds, n, lat[n / 2] / 1e6, lat[(int) (n * 0.99)] / 1e6, lat[n - 1] / 1e6);
            consumer.stop(Duration.ofSeconds(5));
            outputs.close();
        } finally {
            vertx.close();
        }
        System.exit(0);
    }
}
