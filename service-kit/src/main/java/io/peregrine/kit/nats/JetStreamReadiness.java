package io.peregrine.kit.nats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.TreeMap;

/**
 * The streams and KV buckets a service cannot work without: the service is not ready while one of
 * them is missing, and says which and what NATS answered (a server whose JetStream limits are too
 * small refuses to create a stream; the connection alone looks healthy then).
 */
@Readiness
@Default // also injectable without the qualifier: the services report to it
@ApplicationScoped
public class JetStreamReadiness implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(JetStreamReadiness.class);
    private static final String PENDING = "not created yet";

    /** Name to null when present, else why it is missing. */
    private final Map<String, String> needed = new TreeMap<>();

    /** Declares a stream or bucket this service needs; not ready until {@link #present} is called for it. */
    public synchronized void need(String name) {
        needed.putIfAbsent(name, PENDING);
    }

    public synchronized void present(String name) {
        if (needed.put(name, null) != null) {
            LOG.infof("%s is in place", name);
        }
    }

    /** Records why {@code name} could not be created or found; logged once per distinct reason. */
    public synchronized void missing(String name, Throwable why) {
        String reason = why.getMessage() == null ? why.toString() : why.getMessage();
        String before = needed.put(name, reason);
        if (!reason.equals(before)) {
            LOG.warnf("%s is missing: %s", name, reason);
        }
    }

    /** Why {@code name} is missing, or null when it is present (or not needed). */
    public synchronized String problem(String name) {
        return needed.get(name);
    }

    @Override
    public synchronized HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("jetstream").up();
        needed.forEach((name, problem) -> {
            if (problem == null) {
                b.withData(name, "present");
            } else {
                b.down().withData(name, problem);
            }
        });
        return b.build();
    }
}
