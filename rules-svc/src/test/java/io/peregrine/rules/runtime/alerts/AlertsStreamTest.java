package io.peregrine.rules.runtime.alerts;

import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.peregrine.protocol.Subjects;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The alerts stream rules-svc creates when it is missing keeps the replica count it is given. */
class AlertsStreamTest {

    @Test
    void replicasAreTheOnesAskedFor() {
        for (int r : new int[]{1, 3, 5}) {
            StreamConfiguration c = AlertPublisher.alertsStream(r);
            assertEquals(r, c.getReplicas(), "replicas for " + r);
            assertEquals(Subjects.ALERTS_STREAM, c.getName());
            assertEquals(StorageType.File, c.getStorageType());
        }
    }
}
