package io.peregrine.kit.nats;

import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;

import java.time.Duration;

/**
 * How Peregrine's JetStream pull consumers (rules-svc's frames, notify-svc's alerts) pull and stop:
 * short pulls, so that a stopping consumer can hand back everything it holds, including what is
 * still in transit for its open pull, instead of leaving it to the ack wait.
 */
public final class PullConsumers {

    /** How long one pull stays open: bounds how long a stopping consumer waits for messages in transit. */
    public static final Duration PULL_EXPIRY = Duration.ofSeconds(2);

    private PullConsumers() {
    }

    public static ConsumeOptions options(int batch) {
        return ConsumeOptions.builder().batchSize(batch).expiresIn(PULL_EXPIRY.toMillis()).build();
    }

    /**
     * Stops pulling and naks every message still delivered to this consumer until its open pull
     * has ended (at most twice the pull expiry): another replica takes them at once.
     */
    public static void stopAndHandBack(IterableConsumer it) throws InterruptedException, JetStreamStatusCheckedException {
        it.stop();
        long until = System.nanoTime() + PULL_EXPIRY.multipliedBy(2).toNanos();
        while (!it.isFinished() && System.nanoTime() < until) {
            Message left = it.nextMessage(Duration.ofMillis(100));
            if (left != null) {
                left.nak();
            }
        }
    }
}
