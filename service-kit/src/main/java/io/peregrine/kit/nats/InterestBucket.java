package io.peregrine.kit.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.peregrine.protocol.Subjects;

import java.io.IOException;

/**
 * The KV bucket that holds the interest. rules-svc writes it, capture-svc and state-svc watch it;
 * whichever starts first creates it, with the same configuration.
 */
public final class InterestBucket {

    private InterestBucket() {
    }

    public static KeyValue open(Connection c) throws IOException, JetStreamApiException {
        return open(c, 1);
    }

    /** @param replicas of the bucket when this call creates it */
    public static KeyValue open(Connection c, int replicas) throws IOException, JetStreamApiException {
        var kvm = c.keyValueManagement();
        if (!kvm.getBucketNames().contains(Subjects.INTEREST_BUCKET)) {
            try {
                kvm.create(KeyValueConfiguration.builder()
                        .name(Subjects.INTEREST_BUCKET)
                        .storageType(StorageType.File)
                        .maxHistoryPerKey(5)
                        .replicas(replicas)
                        .build());
            } catch (JetStreamApiException refused) {
                // Another service may have created it first; if not, NATS's reason is the answer.
                if (!kvm.getBucketNames().contains(Subjects.INTEREST_BUCKET)) {
                    throw refused;
                }
            }
        }
        return c.keyValue(Subjects.INTEREST_BUCKET);
    }
}
