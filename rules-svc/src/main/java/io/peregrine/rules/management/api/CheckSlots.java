package io.peregrine.rules.management.api;

import io.peregrine.rules.service.RulesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many validations and event trials run at once. Each compiles a whole draft ruleset,
 * CPU and memory that a caller with the viewer role can ask for; a request finding every slot taken
 * is refused at once (429 with Retry-After) rather than queued, so a burst cannot pile up.
 */
@ApplicationScoped
public class CheckSlots {

    private final Semaphore slots;
    private final int size;

    public CheckSlots(RulesConfig config) {
        this.size = Math.max(1, config.checkConcurrency());
        this.slots = new Semaphore(size);
    }

    /** Runs {@code work} in a slot, or refuses when none is free. */
    public <T> T run(Supplier<T> work) {
        if (!slots.tryAcquire()) {
            throw new ApiProblem(429, "Too many requests", size + " validations or trials are running; retry shortly")
                    .retryAfter(1);
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
