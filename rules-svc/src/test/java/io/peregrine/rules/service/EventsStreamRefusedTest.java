package io.peregrine.rules.service;

import io.peregrine.protocol.Subjects;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An events stream larger than the server's JetStream memory allows: NATS refuses it, and the
 * service is not ready, naming the stream and NATS's reason, instead of looking healthy.
 */
@QuarkusTest
@TestProfile(EventsStreamRefusedTest.TooLarge.class)
@WithTestResource(value = KubernetesNats.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class EventsStreamRefusedTest {

    public static final class TooLarge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("peregrine.rules.events-stream-bytes", Long.toString(64L << 30));
        }
    }

    @Test
    void readinessIsDownWithTheStreamAndTheReason() throws Exception {
        JsonPath ready = KubernetesNatsConfigTest.readinessOnceSettled();
        assertEquals("DOWN", ready.getString("status"), ready.prettify());
        assertEquals("DOWN", ready.getString("checks.find { it.name == 'jetstream' }.status"));
        String why = ready.getString("checks.find { it.name == 'jetstream' }.data." + Subjects.EVENTS_STREAM);
        assertNotNull(why, ready.prettify());
        assertTrue(why.contains("insufficient") || why.contains("resources"), why);
        assertEquals("UP", ready.getString("checks.find { it.name == 'nats' }.status"), "connected all the same");
    }
}
