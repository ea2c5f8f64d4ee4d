package io.peregrine.rules.management.store;

import static io.peregrine.rules.management.api.ItemApiTest.YAML;
import static io.peregrine.rules.management.api.ItemApiTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.peregrine.rules.management.api.Tokens;
import io.peregrine.rules.runtime.live.ActiveRuleset;
import io.peregrine.rules.service.LiveRuleset;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VersionHistoryTest {

    @Inject
    ActiveRuleset active;
    @Inject
    LiveRuleset live;

    @Test
    void rollbackRestoresAnEarlierVersionAsANewOne() {
        String l = "hist_" + UUID.randomUUID().toString().substring(0, 8);
        long v1 = as("editor").contentType(YAML).body("- list: " + l + "\n  items: [one]\n").post("/api/v1/lists")
                .then().statusCode(201).extract().jsonPath().getLong("rulesetVersion");
        long v2 = as("editor").contentType(YAML).body("- list: " + l + "\n  items: [two]\n")
                .put("/api/v1/lists/{n}", l).then().statusCode(200).extract().jsonPath().getLong("rulesetVersion");

        as("viewer").get("/api/v1/versions").then().statusCode(200).body("version", hasItem((int) v1))
                .body("version", hasItem((int) v2)).body("[0].version", equalTo((int) v2));
        as("viewer").queryParam("kind", "list").queryParam("name", l).get("/api/v1/audit").then().statusCode(200)
                .body("action", equalTo(List.of("update", "create"))).body("[0].actor", equalTo("tester-editor"))
                .body("[0].afterSource", equalTo("- list: " + l + "\n  items: [two]\n"));
        as("viewer").get("/api/v1/versions/{v}/export", v1).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("items: [one]"));

        // Stale If-Match on the whole ruleset: refused.
        as("admin").header("If-Match", "\"" + v1 + "\"").post("/api/v1/versions/{v}/rollback", v1).then()
                .statusCode(412);
        long v3 = as("admin").header("If-Match", "\"" + v2 + "\"").post("/api/v1/versions/{v}/rollback", v1)
                .then().statusCode(200).body("restoredVersion", equalTo((int) v1))
                .extract().jsonPath().getLong("rulesetVersion");
        assertEquals(v2 + 1, v3);
        assertEquals(v3, active.current().version());
        as("viewer").get("/api/v1/lists/{n}", l).then().statusCode(200).body("definition.items", equalTo(List.of("one")))
                .body("version", equalTo((int) v3));
        as("viewer").queryParam("kind", "list").queryParam("name", l).get("/api/v1/audit").then()
                .body("[0].action", equalTo("rollback"));
        as("admin").post("/api/v1/versions/{v}/rollback", 999_999_999L).then().statusCode(404);
        as("editor").delete("/api/v1/lists/{n}", l).then().statusCode(204);
    }

    @Test
    void theStoredRulesetReadBackEqualsTheOneInForce() throws Exception {
        String l = "persist_" + UUID.randomUUID().toString().substring(0, 8);
        as("editor").contentType(YAML).body("- list: " + l + "\n  items: [kept]\n").post("/api/v1/lists")
                .then().statusCode(201);
        as("editor").contentType(YAML).body(io.peregrine.rules.management.api.ItemApiTest.rule(l + " rule",
                "evt.type = execve and proc.name in (" + l + ")")).post("/api/v1/rules").then().statusCode(201);
        as("editor").post("/api/v1/rules/{n}/disable", l + " rule").then().statusCode(200);
        // What a restarting replica does: read PostgreSQL and rebuild the ruleset.
        ActiveRuleset.Snapshot fromDb = live.loadSnapshot();
        ActiveRuleset.Snapshot inForce = active.current();
        assertEquals(inForce.version(), fromDb.version());
        assertEquals(inForce.items(), fromDb.items());
        assertEquals(inForce.ruleset().rules().stream().map(r -> r.name() + r.enabled()).toList(),
                fromDb.ruleset().rules().stream().map(r -> r.name() + r.enabled()).toList());
        assertEquals(inForce.interest(), fromDb.interest());
        as("editor").delete("/api/v1/rules/{n}", l + " rule").then().statusCode(204);
        as("editor").delete("/api/v1/lists/{n}", l).then().statusCode(204);
    }
}
