package io.peregrine.capture.service;

import io.peregrine.capture.pipeline.CapturePipeline;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while nothing is being captured: a node without capture is a blind node. */
@Readiness
@ApplicationScoped
public class CaptureReadiness implements HealthCheck {

    private final CaptureService capture;
    private final CaptureConfig config;

    public CaptureReadiness(CaptureService capture, CaptureConfig config) {
        this.capture = capture;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        CapturePipeline p = capture.pipeline();
        var b = HealthCheckResponse.named("capture");
        if (!config.autostart()) {
            return b.up().withData("state", "manual").build();
        }
        if (p == null) {
            return b.down().withData("error", String.valueOf(capture.startError())).build();
        }
        boolean up = p.state() == CapturePipeline.State.RUNNING || p.state() == CapturePipeline.State.STARTING
                || p.state() == CapturePipeline.State.FINISHED;
        b.status(up).withData("state", p.state().name()).withData("source", p.source().description());
        if (p.failure() != null) {
            b.withData("error", p.failure());
        }
        return b.build();
    }
}
