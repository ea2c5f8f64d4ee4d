package io.peregrine.notify.delivery;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.peregrine.kit.nats.JetStreams;

import java.io.IOException;
import java.time.Duration;

/**
 * Creates the streams and the durable consumer notify-svc needs when they are missing. Every
 * replica (and rules-svc) may race to do so: an existing stream is left as it is.
 */
public final class StreamSetup {

    private StreamSetup() {
    }

    public static void ensureStream(JetStreamManagement jsm, String name, String subject, Duration maxAge, int replicas)
            throws IOException, JetStreamApiException {
        JetStreams.ensure(jsm, StreamConfiguration.builder()
                .name(name)
                .subjects(subject)
                .storageType(StorageType.File)
                .maxAge(maxAge)
                .duplicateWindow(Duration.ofMinutes(2))
                .replicas(replicas)
                .build());
    }

    /** The durable pull consumer; the same configuration from every replica, so creating it twice is harmless. */
    public static void ensureConsumer(JetStreamManagement jsm, ConsumerSettings s) throws IOException, JetStreamApiException {
        jsm.addOrUpdateConsumer(s.stream(), ConsumerConfiguration.builder()
                .durable(s.durable())
                .filterSubject(s.filterSubject())
                .ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All)
                .ackWait(s.ackWait())
                // Bounded: an alert that keeps failing (a replica dying on it each time) stops
                // coming back instead of circling forever. No growing back-off: an alert handed
                // back by a stopping replica must come back within the ack wait, not minutes later.
                .maxDeliver(s.maxDeliver())
                .maxAckPending(Math.max(1000, s.maxInFlight() * 4L))
                .build());
    }
}
