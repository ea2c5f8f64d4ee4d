package io.peregrine.rules.management.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request refused with an RFC 9457 problem document ({@code application/problem+json}). */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, Object> extra = new LinkedHashMap<>();

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
