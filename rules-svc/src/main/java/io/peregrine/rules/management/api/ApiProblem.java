package io.peregrine.rules.management.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request refused with an RFC 9457 problem document ({@code application/problem+json}). */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private int retryAfterSeconds = -1;

    public ApiProblem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extra.put("detail", detail);
    }

    public ApiProblem with(String key, Object value) {
        extra.put(key, value);
        return this;
    }

    /** Also answers with a {@code Retry-After} header (and the same number in the body). */
    public ApiProblem retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        extra.put("retryAfterSeconds", seconds);
        return this;
    }

    /** Seconds for {@code Retry-After}, or -1 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extra() {
        return extra;
    }

    static ApiProblem notFound(String what) {
        return new ApiProblem(404, "Not found", what + " does not exist");
    }

    static ApiProblem preconditionFailed(String what, String expected, long actual) {
        return new ApiProblem(412, "Precondition failed", what + " is at version " + actual + ", not " + expected
                + "; read it again and reapply the change").with("currentVersion", actual);
    }
}
