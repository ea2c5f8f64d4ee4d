package io.peregrine.rules.management.api;

import io.peregrine.rules.management.draft.Finding;
import io.peregrine.rules.management.draft.RulesetProblem;
import io.peregrine.rules.management.store.StoreUnavailable;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal as {@code application/problem+json}; PostgreSQL out of reach as 503 with Retry-After. */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem p) {
        Response.ResponseBuilder r = Response.status(p.status()).type(PROBLEM_JSON)
                .entity(withTitle(p.status(), p.title(), p.extra()));
        if (p.retryAfterSeconds() >= 0) {
            r.header("Retry-After", Integer.toString(p.retryAfterSeconds()));
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response rulesetProblem(RulesetProblem p) {
        return Response.status(422).type(PROBLEM_JSON).entity(body(p)).build();
    }

    @ServerExceptionMapper(priority = 5000)
    public Response other(Throwable t) {
        if (t instanceof jakarta.ws.rs.WebApplicationException w) {
            return w.getResponse();
        }
        if (t instanceof RulesetProblem p) {
            return rulesetProblem(p);
        }
        if (t instanceof ApiProblem p) {
            return apiProblem(p);
        }
        if (StoreUnavailable.is(t)) {
            LOG.warnf("PostgreSQL unreachable: %s", t.getMessage());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("detail", "the rule store (PostgreSQL) is unreachable; the active ruleset is still served and "
                    + "enforced; retry the change later");
            return Response.status(503).type(PROBLEM_JSON).header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(withTitle(503, "Rule store unavailable", m)).build();
        }
        LOG.error("Request failed", t);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("detail", "internal error: " + t.getClass().getSimpleName());
        return Response.status(500).type(PROBLEM_JSON).entity(withTitle(500, "Internal error", m)).build();
    }

    static Map<String, Object> body(RulesetProblem p) {
        Finding f = p.finding();
        Map<String, Object> m = new LinkedHashMap<>();
        StringBuilder detail = new StringBuilder();
        if (f.kind() != null) {
            detail.append(f.kind().word()).append(" '").append(f.name()).append("'");
        } else if (f.file() != null) {
            detail.append(f.file());
        }
        if (f.line() > 0) {
            detail.append(detail.isEmpty() ? "" : " ").append("line ").append(f.line()).append(" column ")
                    .append(f.column());
        }
        detail.append(detail.isEmpty() ? "" : ": ").append(f.message());
        m.put("detail", detail.toString());
        if (f.kind() != null) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("kind", f.kind().word());
            item.put("name", f.name());
            m.put("item", item);
        }
        if (f.file() != null) {
            m.put("file", f.file());
        }
        if (f.line() > 0) {
            m.put("line", f.line());
            m.put("column", f.column());
        }
        m.put("message", f.message());
        return withTitle(422, p.limit() ? "Limit exceeded" : "Invalid ruleset", m);
    }

    static Response problem(int status, String title, Map<String, Object> extra) {
        return Response.status(status).type(PROBLEM_JSON).entity(withTitle(status, title, extra)).build();
    }

    private static Map<String, Object> withTitle(int status, String title, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "about:blank");
        m.put("title", title);
        m.put("status", status);
        m.putAll(extra);
        return m;
    }
}
