package io.peregrine.rules.service;

import io.peregrine.kit.nats.NatsClient;
import io.peregrine.protocol.Subjects;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

/**
 * rules-svc against the NATS configuration the Kubernetes manifests ship: the events and alerts
 * streams and the interest bucket are created, and the service is ready.
 */
@QuarkusTest
@TestProfile(KubernetesNatsConfigTest.ManifestNats.class)
@WithTestResource(value = KubernetesNats.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class KubernetesNatsConfigTest {

    /**
     * Its own profile, so that the application is built again for this server: the NATS client
     * is created at static init, before a test resource's settings would reach it otherwise.
     */
    public static final class ManifestNats implements QuarkusTestProfile {
    }

    @Inject
    NatsClient nats;

    static JsonPath readinessOnceSettled() throws InterruptedException {
        // Until each needed stream has been tried (a condition, not a timing assertion).
        JsonPath ready = null;
        for (int i = 0; i < 600; i++) {
            ready = given().get("/q/health/ready").then().extract().jsonPath();
            Object js = ready.get("checks.find { it.name == 'jetstream' }.data");
            if (js != null && !js.toString().contains("not created yet")) {
                return ready;
            }
            Thread.sleep(100);
        }
        return ready;
    }

    @Test
    void streamsAreCreatedAndTheServiceIsReady() throws Exception {
        JsonPath ready = readinessOnceSettled();
        assertEquals("UP", ready.getString("status"), ready.prettify());
        assertEquals("present", ready.getString("checks.find { it.name == 'jetstream' }.data." + Subjects.EVENTS_STREAM));
        assertEquals("present", ready.getString("checks.find { it.name == 'jetstream' }.data." + Subjects.ALERTS_STREAM));
        var jsm = nats.connection().jetStreamManagement();
        assertEquals(Subjects.EVENTS_STREAM, jsm.getStreamInfo(Subjects.EVENTS_STREAM).getConfiguration().getName());
        assertEquals(Subjects.ALERTS_STREAM, jsm.getStreamInfo(Subjects.ALERTS_STREAM).getConfiguration().getName());
        assertTrue(nats.connection().keyValueManagement().getBucketNames().contains(Subjects.INTEREST_BUCKET));
    }
}
