package io.peregrine.notify.delivery;

import java.time.Duration;

/**
 * Where alerts come from and how they are taken.
 *
 * @param stream            JetStream stream of alerts
 * @param filterSubject     subjects of that stream this consumer takes
 * @param durable           durable consumer name, the same on every replica so they share the work
 * @param deadLetterSubject where alerts go that could not be delivered after every attempt
 * @param ackWait           JetStream redelivers an alert not acknowledged (nor marked in progress) this long
 * @param maxInFlight       alerts being delivered at once by this replica
 * @param batch             alerts fetched per pull request
 * @param maxDeliver        deliveries of one alert JetStream makes at most (first one included)
 * @param maxAlertBytes     larger bodies are refused unread
 */
public record ConsumerSettings(String stream, String filterSubject, String durable, String deadLetterSubject,
                               Duration ackWait, int maxInFlight, int batch, int maxDeliver, int maxAlertBytes) {

    public static final int DEFAULT_MAX_DELIVER = 8;
    public static final int DEFAULT_MAX_ALERT_BYTES = 1 << 20;

    public ConsumerSettings {
        if (maxDeliver < 2) {
            throw new IllegalArgumentException("max-deliver must be at least 2");
        }
        if (maxAlertBytes < 1024) {
            throw new IllegalArgumentException("max-alert-bytes must be at least 1024");
        }
    }

    public ConsumerSettings(String stream, String filterSubject, String durable, String deadLetterSubject,
                            Duration ackWait, int maxInFlight, int batch) {
        this(stream, filterSubject, durable, deadLetterSubject, ackWait, maxInFlight, batch, DEFAULT_MAX_DELIVER,
                DEFAULT_MAX_ALERT_BYTES);
    }
}
