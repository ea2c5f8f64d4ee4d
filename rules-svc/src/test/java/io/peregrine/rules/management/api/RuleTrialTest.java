package io.peregrine.rules.management.api;

import static io.peregrine.rules.management.api.ItemApiTest.YAML;
import static io.peregrine.rules.management.api.ItemApiTest.as;
import static io.peregrine.rules.management.api.ItemApiTest.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RuleTrialTest {

    @Test
    void aDraftRuleRunsOverInlineEvents() {
        String r = unique("Trial shadow read");
        String file = ItemApiTest.rule(r, "evt.type in (open, openat) and fd.name = /etc/shadow and proc.name != sshd");
        Map<String, Object> body = Map.of(
                "files", List.of(Map.of("name", "draft.yaml", "content", file)),
                "events", List.of(
                        Map.of("evt.type", "openat", "fd.name", "/etc/shadow", "proc.name", "cat", "note.by.tester", "x"),
                        Map.of("evt.type", "openat", "fd.name", "/etc/shadow", "proc.name", "sshd"),
                        Map.of("evt.type", "openat", "fd.name", "/etc/hosts", "proc.name", "cat"),
                        Map.of("evt.type", "execve", "fd.name", "/etc/shadow", "proc.name", "cat")));
        as("viewer").contentType("application/json").body(body).post("/api/v1/test").then().statusCode(200)
                .body("matches.findAll { it.rule == '" + r + "' }", hasSize(1))
                .body("matches.find { it.rule == '" + r + "' }.event", equalTo(0))
                .body("matches.find { it.rule == '" + r + "' }.output", equalTo("opened /etc/shadow by cat"))
                .body("unusedFields", hasItem("note.by.tester"));
        // Nothing was stored: the rule is not in force.
        as("viewer").get("/api/v1/rules/{n}", r).then().statusCode(404);
    }

    @Test
    void aDisabledStoredRuleCanBeTriedWithAllEnabled() {
        String r = unique("Trial disabled");
        as("editor").contentType(YAML).body(ItemApiTest.rule(r, "evt.type = execve and proc.name = nc"))
                .post("/api/v1/rules").then().statusCode(201);
        as("editor").post("/api/v1/rules/{n}/disable", r).then().statusCode(200);
        Map<String, Object> event = Map.of("evt.type", "execve", "proc.name", "nc");
        as("viewer").contentType("application/json").body(Map.of("events", List.of(event))).post("/api/v1/test")
                .then().statusCode(200).body("matches.findAll { it.rule == '" + r + "' }", empty());
        as("viewer").contentType("application/json").body(Map.of("events", List.of(event), "allEnabled", true))
                .post("/api/v1/test").then().statusCode(200)
                .body("matches.findAll { it.rule == '" + r + "' }", hasSize(1));
        as("editor").delete("/api/v1/rules/{n}", r).then().statusCode(204);
    }

    @Test
    void badEventsAndDraftsAreRefused() {
        as("viewer").contentType("application/json").body(Map.of("events", List.of(Map.of("evt.type", "nosuch"))))
                .post("/api/v1/test").then().statusCode(422).body("detail", containsString("evt.type"));
        as("viewer").contentType("application/json").body(Map.of("events", List.of())).post("/api/v1/test").then()
                .statusCode(400);
        as("viewer").contentType("application/json").body(Map.of(
                        "files", List.of(Map.of("name", "bad.yaml", "content", "- rule: x\n  condition: (\n")),
                        "events", List.of(Map.of("evt.type", "openat"))))
                .post("/api/v1/test").then().statusCode(422).body("file", equalTo("bad.yaml"));
    }
}
