package io.peregrine.rules.management.store;

import static io.peregrine.rules.management.api.ItemApiTest.YAML;
import static io.peregrine.rules.management.api.ItemApiTest.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.peregrine.rules.management.api.Tokens;
import io.peregrine.rules.runtime.live.ActiveRuleset;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ProxiedDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class DatabaseOutageTest {

    @Inject
    ActiveRuleset active;

    @Test
    void readsKeepWorkingWritesAnswer503AndTheServiceRecovers() throws Exception {
        String l = "outage_" + UUID.randomUUID().toString().substring(0, 8);
        as("editor").contentType(YAML).body("- list: " + l + "\n  items: [a]\n").post("/api/v1/lists")
                .then().statusCode(201);
        long version = active.current().version();

        ProxiedDatabase.proxy.down();
        try {
            as("viewer").get("/api/v1/lists/{n}", l).then().statusCode(200).body("definition.items[0]", equalTo("a"));
            as("viewer").get("/api/v1/export").then().statusCode(200).body(containsString("- list: " + l));
            as("viewer").get("/api/v1/ruleset").then().statusCode(200).body("version", equalTo((int) version));
            as("editor").contentType(YAML).body("- list: " + l + "_2\n  items: [b]\n").post("/api/v1/lists")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
            as("editor").delete("/api/v1/lists/{n}", l).then().statusCode(503);
            as("viewer").get("/api/v1/versions").then().statusCode(503);
            assertEquals(version, active.current().version(), "the ruleset in force did not change");
        } finally {
            ProxiedDatabase.proxy.up();
        }

        // Back without a restart: the next write goes through (the pool reconnects on demand).
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 201; attempt++) {
            status = as("editor").contentType(YAML).body("- list: " + l + "_2\n  items: [b]\n").post("/api/v1/lists")
                    .then().extract().statusCode();
            if (status == 503) {
                Thread.sleep(200);
            }
        }
        assertEquals(201, status);
        as("editor").delete("/api/v1/lists/{n}", l + "_2").then().statusCode(204);
        as("editor").delete("/api/v1/lists/{n}", l).then().statusCode(204);
    }
}
