package io.peregrine.notify.aggregation;

import io.peregrine.notify.output.Notification;
import io.peregrine.protocol.alert.Alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Alerts of the same rule and key (values of chosen output fields) that arrive within a window
 * become one notification carrying the count and every uuid. The first alert of a group opens the
 * window; when it closes the group is sent once, and every alert of the group learns the outcome
 * from the same future, so none is acknowledged before the group was delivered.
 */
public final class Aggregator {

    private final Duration window;
    private final List<String> keyFields;
    private final ScheduledExecutorService timer;
    private final Function<Notification, CompletableFuture<Boolean>> send;
    private final Map<String, Group> open = new HashMap<>();

    private static final class Group {
        final Alert first;
        final byte[] json;
        final List<String> uuids = new ArrayList<>();
        final CompletableFuture<Boolean> done = new CompletableFuture<>();

        Group(Alert first, byte[] json) {
            this.first = first;
            this.json = json;
        }
    }

    /** @param send delivers a group's notification (with retries); completes true when delivered */
    public Aggregator(Duration window, List<String> keyFields, ScheduledExecutorService timer,
                      Function<Notification, CompletableFuture<Boolean>> send) {
        this.window = window;
        this.keyFields = keyFields == null ? List.of() : List.copyOf(keyFields);
        this.timer = timer;
        this.send = send;
    }

    public static String key(Alert a, List<String> keyFields) {
        StringBuilder b = new StringBuilder(a.rule());
        for (String f : keyFields) {
            b.append('\u0000').append(a.outputFields().get(f));
        }
        return b.toString();
    }

    /** Adds an alert to its group; the future completes when the group's notification is delivered or given up. */
    public CompletableFuture<Boolean> add(Notification n) {
        String k = key(n.alert(), keyFields);
        Group g;
        boolean opened = false;
        synchronized (open) {
            g = open.get(k);
            if (g == null) {
                g = new Group(n.alert(), n.json());
                open.put(k, g);
                opened = true;
            }
            g.uuids.addAll(n.uuids());
        }
        if (opened) {
            timer.schedule(() -> flush(k), window.toMillis(), TimeUnit.MILLISECONDS);
        }
        return g.done;
    }

    private void flush(String k) {
        Group g;
        synchronized (open) {
            g = open.remove(k);
        }
        if (g != null) {
            sendGroup(g);
        }
    }

    private void sendGroup(Group g) {
        List<String> ids = List.copyOf(g.uuids);
        send.apply(new Notification(g.first, g.json, ids.size(), ids)).whenComplete((ok, err) -> {
            if (err != null) {
                g.done.completeExceptionally(err);
            } else {
                g.done.complete(ok);
            }
        });
    }

    /** Sends every open group now (on shutdown or reconfiguration). */
    public void flushAll() {
        List<Group> groups;
        synchronized (open) {
            groups = new ArrayList<>(open.values());
            open.clear();
        }
        groups.forEach(this::sendGroup);
    }
}
