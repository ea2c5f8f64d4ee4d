package io.peregrine.rules.service;

import jakarta.interceptor.Interceptor;

/**
 * The order of rules-svc's start-up observers (lower first). Without it CDI may start the events
 * consumer before the stored ruleset is loaded: the first frames would then be evaluated against
 * an empty ruleset and acknowledged without their alerts.
 */
final class StartOrder {
    /** The host name refresher follows every ruleset put in force from then on. */
    static final int NAMES = Interceptor.Priority.APPLICATION - 10;
    /** The stored ruleset (or the default rules on an empty store) is loaded and in force. */
    static final int RULESET = Interceptor.Priority.APPLICATION;
    /** The interest of that ruleset is published for capture and state. */
    static final int INTEREST = RULESET + 10;
    /** Only then are projected events taken from the stream. */
    static final int EVENTS = RULESET + 20;

    private StartOrder() {
    }
}
