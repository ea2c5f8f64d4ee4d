package io.peregrine.rules.management.api;

import io.peregrine.rules.service.RulesConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Request body limits per endpoint: capture files may be as large as
 * {@code peregrine.rules.max-capture-size} (which is also Quarkus's global limit), every other body
 * at most {@code peregrine.rules.max-body-size}. Runs right after Quarkus's own limit check and
 * before any byte of the body is read (so before a {@code 100 Continue}).
 */
@ApplicationScoped
public class BodyLimits {

    static final String CAPTURE_PATH = "/api/v1/test/capture";
    // Quarkus's key for the limit applied while a body without Content-Length is read.
    private static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";
    // Just after Quarkus's upload limit route (order -2), which sets the global limit.
    private static final int ORDER = -1;

    private final MemorySize maxBody;
    private final MemorySize maxCapture;

    public BodyLimits(RulesConfig config) {
        this.maxBody = config.maxBodySize();
        this.maxCapture = config.maxCaptureSize();
    }

    void install(@Observes Router router) {
        long body = maxBody.asLongValue();
        long capture = maxCapture.asLongValue();
        router.route().order(ORDER).handler(rc -> limit(rc, rc.normalizedPath().equals(CAPTURE_PATH) ? capture : body));
    }

    public long maxCapture() {
        return maxCapture.asLongValue();
    }

    private static void limit(RoutingContext rc, long max) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long n;
        try {
            n = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n > max) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close").putHeader(HttpHeaders.CONTENT_TYPE,
                    ProblemMapper.PROBLEM_JSON).setStatusCode(413).end("{\"type\":\"about:blank\",\"title\":"
                    + "\"Body too large\",\"status\":413,\"detail\":\"the body has " + n + " bytes; this endpoint "
                    + "takes at most " + max + "\"}");
            return;
        }
        if (length == null) {
            rc.put(MAX_REQUEST_SIZE_KEY, max);
        }
        rc.next();
    }
}
