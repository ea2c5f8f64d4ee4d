package io.peregrine.capture.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.peregrine.capture.pipeline.CapturePipeline;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import java.util.function.ToDoubleFunction;

/**
 * Capture metrics read the pipeline's own counters when scraped: nothing is added to the event
 * path for them.
 */
@ApplicationScoped
public class CaptureMetrics {

    @Produces
    @Singleton
    MeterBinder captureMeters(CaptureService capture) {
        return registry -> {
            counter(registry, "peregrine_capture_events_read", "Events read from the source", capture,
                    p -> p.source().events().eventsRead());
            counter(registry, "peregrine_capture_events_skipped", "Events read but not published (unknown type or layout)", capture,
                    p -> p.source().events().eventsSkipped());
            counter(registry, "peregrine_capture_events_published", "Events published in frames", capture,
                    p -> p.publisher().eventsSent());
            counter(registry, "peregrine_capture_frames_published", "Frames published", capture,
                    p -> p.publisher().framesSent());
            counter(registry, "peregrine_capture_bytes_published", "Frame bytes published", capture,
                    p -> p.publisher().bytesSent());
            counter(registry, "peregrine_capture_kernel_lost", "Events the kernel could not hand over (ring full)", capture,
                    p -> p.source().kernelLost());
            counter(registry, "peregrine_capture_queue_lost", "Events dropped between reader and NATS (queue full, send failed)", capture,
                    p -> p.publisher().eventsLost());
            counter(registry, "peregrine_capture_publish_seconds", "Time spent handing frames to NATS", capture,
                    p -> p.publisher().publishNanos() / 1e9);
            // A bad interest entry leaves the selection as it was: without these only the log would tell.
            FunctionCounter.builder("peregrine_capture_interest_rejected", capture,
                            c -> c.interestWatcher() == null ? 0 : c.interestWatcher().rejected())
                    .description("Interest entries refused as malformed (the previous selection stayed)").register(registry);
            FunctionCounter.builder("peregrine_capture_interest_empty", capture,
                            c -> c.interestWatcher() == null ? 0 : c.interestWatcher().emptyIgnored())
                    .description("Interest entries naming no event type (the default selection stayed)").register(registry);
            Gauge.builder("peregrine_capture_queue_depth", capture, c -> c.pipeline() == null ? 0 : c.pipeline().queue().depth())
                    .description("Frames waiting for NATS").register(registry);
            for (int code = 0; code < EventTable.CODE_LIMIT; code++) {
                EventType type = EventTable.get(code);
                if (type == null) {
                    continue;
                }
                final int t = code;
                FunctionCounter.builder("peregrine_capture_events", capture, c -> c.pipeline() == null ? 0 : c.pipeline().framer().count(t))
                        .description("Events framed, by event type")
                        .tag("type", type.name())
                        .tag("dir", type.direction().name().toLowerCase(java.util.Locale.ROOT))
                        .tag("code", Integer.toString(code))
                        .register(registry);
            }
        };
    }

    private static void counter(MeterRegistry r, String name, String help, CaptureService c, ToDoubleFunction<CapturePipeline> f) {
        FunctionCounter.builder(name, c, s -> s.pipeline() == null ? 0 : f.applyAsDouble(s.pipeline()))
                .description(help).register(r);
    }
}
