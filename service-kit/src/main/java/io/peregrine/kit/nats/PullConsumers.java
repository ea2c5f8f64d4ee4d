package io.peregrine.kit.nats;

import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How Peregrine's JetStream pull consumers (rules-svc's frames, notify-svc's alerts) pull and stop:
 * one short fetch after another, so that a stopping consumer can hand back everything it holds,
 * including what is still in transit for its open fetch, instead of leaving it to the ack wait.
 *
 * <p>Fetches, not the client's endlessly re-pulling iterator: a stopped iterator unsubscribes as
 * soon as the last message of its pull <em>arrives</em>, and drops whatever still sits in its
 * queue; those messages come back only after the ack wait. A fetch gives out every message it
 * received before it reports its end. Each message is given out as it arrives, not per batch.
 */
public final class PullConsumers {

    /** How long one fetch stays open: bounds how long a stopping consumer waits for messages in transit. */
    public static final Duration PULL_EXPIRY = Duration.ofSeconds(2);

    private PullConsumers() {
    }

    /** Opens one fetch of at most {@code batch} messages, over after {@link #PULL_EXPIRY}. */
    public static FetchConsumer fetch(ConsumerContext consumer, int batch) throws IOException, JetStreamApiException {
        return consumer.fetch(FetchConsumeOptions.builder().maxMessages(batch).expiresIn(PULL_EXPIRY.toMillis()).build());
    }

    /**
     * Hands back ({@code nak}) every message this consumer holds: {@code held}, taken but not
     * handled, and what is left of the fetch, read until the fetch is over. Another replica takes
     * them at once.
     *
     * <p>The naks go out only once the fetch is over. A message handed back while its pull is
     * still open comes straight back to that pull, is handed back again, and so on: each round
     * counts as a delivery, so a consumer with a max-deliver runs out of deliveries within
     * milliseconds and the message is never delivered again.
     */
    public static void handBack(FetchConsumer fetch, Collection<Message> held)
            throws InterruptedException, JetStreamStatusCheckedException {
        List<Message> back = new ArrayList<>(held);
        for (Message left = fetch.nextMessage(); left != null; left = fetch.nextMessage()) {
            back.add(left);
        }
        back.forEach(Message::nak);
    }
}
