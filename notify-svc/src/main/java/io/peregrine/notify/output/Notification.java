package io.peregrine.notify.output;

import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What an output sends: one alert, or the first alert of an aggregated group with the number of
 * alerts it stands for and their ids (so receivers can still de-duplicate by uuid).
 *
 * @param alert the alert (the first one of a group)
 * @param json  its Falco JSON, exactly as published (webhooks and NATS pass it on unchanged)
 * @param count how many alerts this notification stands for (1 unless aggregated)
 * @param uuids the ids of those alerts
 */
public record Notification(Alert alert, byte[] json, int count, List<String> uuids) {

    public static Notification of(Alert alert, byte[] json) {
        return new Notification(alert, json, 1, List.of(alert.uuid()));
    }

    public static Notification of(Alert alert) {
        return of(alert, AlertJson.encode(alert).getBytes(StandardCharsets.UTF_8));
    }

    public boolean aggregated() {
        return count > 1;
    }

    /**
     * The JSON body: the published bytes for a single alert; for a group, the first alert's JSON
     * with {@code count} and {@code uuids} added at the end (consumers ignore unknown keys).
     */
    public byte[] body() {
        if (count == 1) {
            return json;
        }
        String s = new String(json, StandardCharsets.UTF_8).stripTrailing();
        StringBuilder b = new StringBuilder(s.length() + 48 * uuids.size());
        b.append(s, 0, s.lastIndexOf('}'));
        b.append(",\"count\":").append(count).append(",\"uuids\":[");
        for (int i = 0; i < uuids.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            // uuids are generated ids (hex and '-'); quote defensively anyway.
            b.append('"').append(uuids.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        b.append("]}");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
