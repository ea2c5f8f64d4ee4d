package io.peregrine.kit.nats;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A service that cannot reach NATS is alive but not ready: it has nothing to move its data over. */
@Readiness
@ApplicationScoped
public class NatsReadiness implements HealthCheck {

    private final NatsClient nats;

    public NatsReadiness(NatsClient nats) {
        this.nats = nats;
    }

    @Override
    public HealthCheckResponse call() {
        var status = nats.connection().getStatus();
        return HealthCheckResponse.named("nats")
                .status(nats.connected())
                .withData("servers", String.join(",", nats.settings().servers()))
                .withData("status", status.name())
                .build();
    }
}
