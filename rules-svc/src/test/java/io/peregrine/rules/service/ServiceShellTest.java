package io.peregrine.rules.service;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The service contract every Peregrine service keeps: health (with NATS), metrics, OpenAPI. */
@QuarkusTest
class ServiceShellTest {

    @Test
    void readyOnceNatsIsConnected() {
        // ./peregrine test starts a real nats-server and points PEREGRINE_NATS_URL at it.
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'nats' }.data.status", equalTo("CONNECTED"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void publishesOpenApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Peregrine rules-svc"));
    }
}
