package io.peregrine.protocol;

/** The NATS subjects, streams and buckets that connect the services. */
public final class Subjects {

    private Subjects() {
    }

    /** Raw event frames of one node, capture-svc to state-svc. */
    public static String raw(String node) {
        return "peregrine.raw." + token(node);
    }

    /** Projected events of one node, state-svc to rules-svc. */
    public static String events(String node) {
        return "peregrine.events." + token(node);
    }

    public static final String EVENTS_ALL = "peregrine.events.>";
    /**
     * The JetStream stream that holds projected frames until a rules-svc replica has evaluated
     * them (work queue, in memory): a replica that restarts leaves its frames to the others.
     */
    public static final String EVENTS_STREAM = "PEREGRINE_EVENTS";
    public static final String EVENTS_CONSUMER = "rules-svc";

    /** Alerts, by priority and rule, into the JetStream stream {@link #ALERTS_STREAM}. */
    public static String alert(String priority, String rule) {
        return "peregrine.alerts." + token(priority.toLowerCase(java.util.Locale.ROOT)) + "." + token(rule);
    }

    public static final String ALERTS_ALL = "peregrine.alerts.>";
    public static final String ALERTS_STREAM = "PEREGRINE_ALERTS";
    public static final String ALERTS_DEAD_LETTER = "peregrine.deadletter.alerts";

    /** The KV bucket where rules-svc publishes the interest of the active ruleset. */
    public static final String INTEREST_BUCKET = "peregrine_interest";
    public static final String INTEREST_KEY = "active";

    /** Broadcast of ruleset changes between rules-svc replicas. */
    public static final String RULESET_CHANGED = "peregrine.control.ruleset";

    /**
     * One subject token from free text: NATS tokens may not hold '.', '*', '>' or whitespace,
     * so those become '_'. Node names and rule names are free text.
     */
    public static String token(String s) {
        if (s == null || s.isEmpty()) {
            return "_";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c == '.' || c == '*' || c == '>' || Character.isWhitespace(c) || c < 0x20 ? '_' : c);
        }
        return b.toString();
    }
}
