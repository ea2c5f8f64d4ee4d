package io.peregrine.state.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the raw-frame subscription is in place: before that, frames would be missed. */
@Readiness
@ApplicationScoped
public class IngestReadiness implements HealthCheck {
    private final StateIngest ingest;

    public IngestReadiness(StateIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("state-ingest")
                .status(ingest.running())
                .withData("frames", ingest.applier().frames())
                .withData("malformedFrames", ingest.applier().malformed())
                .build();
    }
}
