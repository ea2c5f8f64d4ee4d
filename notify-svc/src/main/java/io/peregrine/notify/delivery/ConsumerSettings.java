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
 */
public record ConsumerSettings(String stream, String filterSubject, String durable, String deadLetterSubject,
                               Duration ackWait, int maxInFlight, int batch) {
}
