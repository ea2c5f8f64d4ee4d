package io.peregrine.protocol.alert;

import java.util.Locale;

/**
 * Falco's rule priorities, most severe first (syslog severities). {@link #falcoName()} is the
 * spelling Falco writes in alerts; {@link #parse} accepts the spellings Falco accepts in rule
 * files (case-insensitive, "info" for informational).
 */
public enum Priority {
    EMERGENCY("Emergency"),
    ALERT("Alert"),
    CRITICAL("Critical"),
    ERROR("Error"),
    WARNING("Warning"),
    NOTICE("Notice"),
    INFORMATIONAL("Informational"),
    DEBUG("Debug");

    private final String falcoName;

    Priority(String falcoName) {
        this.falcoName = falcoName;
    }

    public String falcoName() {
        return falcoName;
    }

    /** True when this priority is at least as severe as {@code threshold}. */
    public boolean atLeast(Priority threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses a priority as written in rule files; null when the text names none. */
    public static Priority parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "emergency" -> EMERGENCY;
            case "alert" -> ALERT;
            case "critical" -> CRITICAL;
            case "error" -> ERROR;
            case "warning" -> WARNING;
            case "notice" -> NOTICE;
            case "informational", "info" -> INFORMATIONAL;
            case "debug" -> DEBUG;
            default -> null;
        };
    }
}
