package io.peregrine.rules.management.store;

import java.net.ConnectException;
import java.util.Locale;

/** Tells a failure to reach PostgreSQL (answered 503, retried later) from other failures. */
public final class StoreUnavailable {

    private StoreUnavailable() {
    }

    public static boolean is(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException || c instanceof java.nio.channels.ClosedChannelException
                    || c instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            String cls = c.getClass().getName();
            if (cls.endsWith("ClosedConnectionException") || cls.endsWith("ConnectTimeoutException")
                    || cls.endsWith("NoStackTraceTimeoutException")) {
                return true;
            }
            if (c instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;     // connection exceptions, admin shutdown, cannot connect now
            }
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("connection refused") || m.contains("connection is closed")
                    || m.contains("connection reset") || m.contains("failed to connect")
                    || m.contains("timeout") && m.contains("connection")) {
                return true;
            }
        }
        return false;
    }
}
