package io.peregrine.rules.management.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.rules.runtime.live.ActiveRuleset;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class ItemApiTest {

    public static final String YAML = "application/yaml";

    @Inject
    ActiveRuleset active;

    public static RequestSpecification as(String... roles) {
        return bearer(Tokens.of(roles));
    }

    static RequestSpecification bearer(String token) {
        // Rule files travel as text; rest-assured needs to be told so for the YAML media type.
        return given().config(io.restassured.RestAssured.config().encoderConfig(
                        io.restassured.config.EncoderConfig.encoderConfig()
                                .encodeContentTypeAs(YAML, io.restassured.http.ContentType.TEXT)))
                .header("Authorization", "Bearer " + token);
    }

    public static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String macro(String name, String condition) {
        return "- macro: " + name + "\n  condition: " + condition + "\n";
    }

    public static String rule(String name, String condition) {
        return "- rule: " + name + "\n"
                + "  desc: test rule\n"
                + "  condition: " + condition + "\n"
                + "  output: opened %fd.name by %proc.name\n"
                + "  priority: WARNING\n"
                + "  tags: [test]\n";
    }

    @Test
    void createReadUpdateDeleteAMacroAndARule() {
        String m = unique("shell_procs");
        String r = unique("Shell opens etc");
        long before = active.current().version();

        as("editor").contentType(YAML).body(macro(m, "proc.name in (bash, sh)"))
                .post("/api/v1/macros").then().statusCode(201)
                .header("ETag", notNullValue())
                .body("name", equalTo(m)).body("definition.condition", equalTo("proc.name in (bash, sh)"));
        Response created = as("editor").contentType(YAML)
                .body(rule(r, "evt.type = openat and " + m + " and fd.name startswith /etc"))
                .post("/api/v1/rules");
        created.then().statusCode(201).body("enabled", equalTo(true)).body("definition.priority", equalTo("Warning"))
                .body("rulesetVersion", greaterThan((int) before));
        assertTrue(active.current().version() > before, "the change is in force at once");
        assertTrue(active.current().ruleset().rules().stream().anyMatch(d -> d.name().equals(r)));

        String etag = as("viewer").get("/api/v1/rules/{n}", r).then().statusCode(200)
                .body("source", containsString("- rule: " + r)).extract().header("ETag");
        as("viewer").get("/api/v1/rules").then().statusCode(200).body("name", hasItem(r));

        // A bare mapping (no "- ") and JSON are accepted as well.
        as("editor").contentType(YAML).header("If-Match", etag)
                .body("rule: " + r + "\ndesc: changed\ncondition: evt.type = openat and " + m
                        + "\noutput: x %proc.name\npriority: ERROR\n")
                .put("/api/v1/rules/{n}", r).then().statusCode(200).body("definition.desc", equalTo("changed"))
                .body("definition.priority", equalTo("Error"));
        as("editor").contentType("application/json")
                .body("{\"macro\": \"" + m + "\", \"condition\": \"proc.name in (bash, sh, zsh)\"}")
                .put("/api/v1/macros/{n}", m).then().statusCode(200)
                .body("definition.condition", equalTo("proc.name in (bash, sh, zsh)"))
                .body("source", containsString("- macro: " + m));

        // The macro is used: deleting it would break the rule.
        as("editor").delete("/api/v1/macros/{n}", m).then().statusCode(422)
                .contentType("application/problem+json");
        as("editor").delete("/api/v1/rules/{n}", r).then().statusCode(204);
        as("editor").delete("/api/v1/macros/{n}", m).then().statusCode(204);
        as("viewer").get("/api/v1/rules/{n}", r).then().statusCode(404).contentType("application/problem+json");
        assertTrue(active.current().ruleset().rules().stream().noneMatch(d -> d.name().equals(r)));
    }

    @Test
    void createTwiceIsAConflictAndPathAndBodyMustAgree() {
        String l = unique("test_list");
        as("editor").contentType(YAML).body("- list: " + l + "\n  items: [a, b]\n").post("/api/v1/lists")
                .then().statusCode(201);
        as("editor").contentType(YAML).body("- list: " + l + "\n  items: [c]\n").post("/api/v1/lists")
                .then().statusCode(409);
        as("editor").contentType(YAML).body("- list: other\n  items: [c]\n").put("/api/v1/lists/{n}", l)
                .then().statusCode(422).body("detail", containsString("path names"));
        as("editor").contentType(YAML).body("- macro: " + l + "\n  condition: proc.name = a\n")
                .put("/api/v1/lists/{n}", l).then().statusCode(422).body("message", containsString("expected a list"));
        as("editor").delete("/api/v1/lists/{n}", l).then().statusCode(204);
    }

    @Test
    void ifMatchRefusesAStaleVersion() {
        String l = unique("ifmatch_list");
        String v1 = as("editor").contentType(YAML).body("- list: " + l + "\n  items: [a]\n").post("/api/v1/lists")
                .then().statusCode(201).extract().header("ETag");
        String v2 = as("editor").contentType(YAML).header("If-Match", v1).body("- list: " + l + "\n  items: [b]\n")
                .put("/api/v1/lists/{n}", l).then().statusCode(200).extract().header("ETag");
        assertTrue(!v1.equals(v2));
        as("editor").contentType(YAML).header("If-Match", v1).body("- list: " + l + "\n  items: [c]\n")
                .put("/api/v1/lists/{n}", l).then().statusCode(412).contentType("application/problem+json");
        as("editor").header("If-Match", v1).delete("/api/v1/lists/{n}", l).then().statusCode(412);
        as("viewer").get("/api/v1/lists/{n}", l).then().statusCode(200).body("definition.items", hasItem("b"));
        as("editor").header("If-Match", v2).delete("/api/v1/lists/{n}", l).then().statusCode(204);
    }

    @Test
    void enableAndDisableKeepTheSource() {
        String r = unique("Switch me");
        as("editor").contentType(YAML).body(rule(r, "evt.type = execve and proc.name = nc")).post("/api/v1/rules")
                .then().statusCode(201);
        as("editor").post("/api/v1/rules/{n}/disable", r).then().statusCode(200).body("enabled", equalTo(false));
        assertTrue(active.current().ruleset().rules().stream().anyMatch(d -> d.name().equals(r) && !d.enabled()));
        // Editing a disabled rule does not switch it back on.
        as("editor").contentType(YAML).body(rule(r, "evt.type = execve and proc.name = ncat"))
                .put("/api/v1/rules/{n}", r).then().statusCode(200).body("enabled", equalTo(false));
        as("viewer").get("/api/v1/export").then().statusCode(200)
                .body(containsString("- rule: " + r)).body(containsString("enabled: false"));
        as("editor").post("/api/v1/rules/{n}/enable", r).then().statusCode(200).body("enabled", equalTo(true));
        as("editor").post("/api/v1/macros/{n}/enable", r).then().statusCode(404);
        as("editor").delete("/api/v1/rules/{n}", r).then().statusCode(204);
    }

    @Test
    void invalidItemsAreRefusedWithTheirPositionAndChangeNothing() {
        long before = active.current().version();
        String r = unique("Broken");
        // Unbalanced parenthesis: line 3 of the item, in the condition.
        Response bad = as("editor").contentType(YAML)
                .body(rule(r, "evt.type = openat and (fd.name startswith /etc")).post("/api/v1/rules");
        bad.then().statusCode(422).contentType("application/problem+json")
                .body("item.kind", equalTo("rule")).body("item.name", equalTo(r))
                .body("line", equalTo(3)).body("column", greaterThan(1)).body("message", containsString("')'"));
        // Unknown field.
        as("editor").contentType(YAML).body(rule(r, "evt.type = openat and proc.nosuchfield = x"))
                .post("/api/v1/rules").then().statusCode(422).body("line", equalTo(3))
                .body("message", containsString("proc.nosuchfield"));
        // Malformed YAML.
        as("editor").contentType(YAML).body("- rule: " + r + "\n  desc: [unclosed\n  condition: x\n")
                .post("/api/v1/rules").then().statusCode(422).body("message", containsString("malformed YAML"))
                .body("line", greaterThan(0));
        // Unknown key.
        as("editor").contentType(YAML).body(rule(r, "evt.type = openat") + "  colour: red\n")
                .post("/api/v1/rules").then().statusCode(422).body("message", containsString("colour"))
                .body("line", equalTo(7));
        // Missing priority.
        as("editor").contentType(YAML).body("- rule: " + r + "\n  desc: d\n  condition: evt.type = openat\n  output: o\n")
                .post("/api/v1/rules").then().statusCode(422).body("message", containsString("priority"));
        // Fragments belong to imports.
        as("editor").contentType(YAML).body("- rule: " + r + "\n  condition: and proc.name = x\n  append: true\n")
                .post("/api/v1/rules").then().statusCode(422).body("message", containsString("append"));
        // Empty body.
        as("editor").contentType(YAML).body(" ").post("/api/v1/rules").then().statusCode(422);
        assertEquals(before, active.current().version(), "nothing was stored");
        as("viewer").get("/api/v1/rules/{n}", r).then().statusCode(404);
    }

    @Test
    void languageErrorsAcrossItemsNameTheItem() {
        String l = unique("a_list");
        String m = unique("cyc_a");
        String m2 = unique("cyc_b");
        as("editor").contentType(YAML).body("- list: " + l + "\n  items: [bash]\n").post("/api/v1/lists")
                .then().statusCode(201);
        // A list used as a macro.
        as("editor").contentType(YAML).body(rule(unique("Uses list"), "evt.type = execve and " + l))
                .post("/api/v1/rules").then().statusCode(422).contentType("application/problem+json")
                .body("line", greaterThan(0)).body("message", containsString(l));
        // Macros that use each other.
        as("editor").contentType(YAML).body(macro(m, "proc.name = x")).post("/api/v1/macros").then().statusCode(201);
        as("editor").contentType(YAML).body(macro(m2, m)).post("/api/v1/macros").then().statusCode(201);
        as("editor").contentType(YAML).body(rule(unique("Cycle"), "evt.type = execve and " + m2))
                .post("/api/v1/rules").then().statusCode(201);
        as("editor").contentType(YAML).body(macro(m, m2)).put("/api/v1/macros/{n}", m).then().statusCode(422)
                .body("item.kind", equalTo("macro")).body("message", containsString(m));
        // An exception whose values do not match its fields.
        as("editor").contentType(YAML).body(rule(unique("Exc"), "evt.type = execve")
                        + "  exceptions:\n    - name: two\n      fields: [proc.name, proc.pname]\n"
                        + "      comps: [=, =]\n      values:\n        - [bash]\n")
                .post("/api/v1/rules").then().statusCode(422).body("line", greaterThan(0));
    }

    @Test
    void limitsGiveClearErrors() throws Exception {
        String deep = "evt.type = openat and " + "(".repeat(10_000) + "proc.name = x" + ")".repeat(10_000);
        as("editor").contentType(YAML).body(rule(unique("Deep"), deep)).post("/api/v1/rules").then()
                .statusCode(422).body("title", equalTo("Limit exceeded"))
                .body("message", containsString("max-condition-depth")).body("line", equalTo(3));
        String nots = "evt.type = openat and " + "not ".repeat(10_000) + "proc.name = x";
        as("editor").contentType(YAML).body(rule(unique("Nots"), nots)).post("/api/v1/rules").then()
                .statusCode(422).body("message", containsString("max-condition-depth"));
        String big = "- list: huge\n  items: [" + "x,".repeat(5 * 1024 * 1024) + "y]\n";
        // Like curl with a large body, the client asks before sending it; the answer comes before the upload.
        java.net.http.HttpResponse<String> tooBig = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/lists"))
                        .expectContinue(true).version(java.net.http.HttpClient.Version.HTTP_1_1).header("Content-Type", YAML)
                        .header("Authorization", "Bearer " + Tokens.of("editor"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(big)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooBig.statusCode());
        as("viewer").get("/api/v1/lists/huge").then().statusCode(404);
    }

    @Test
    void everyEndpointNeedsAToken() {
        given().get("/api/v1/rules").then().statusCode(401);
        given().get("/api/v1/export").then().statusCode(401);
        given().get("/api/v1/versions").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.foreignIssuer()).get("/api/v1/rules").then()
                .statusCode(401);
        given().header("Authorization", "Bearer not-a-jwt").get("/api/v1/rules").then().statusCode(401);
        given().get("/q/health").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("peregrine_rules_ruleset_version"));
    }

    @Test
    void noTokenReachesTheLog() throws Exception {
        String token = Tokens.of("editor");
        bearer(token).contentType(YAML).body("- list: [broken")
                .post("/api/v1/lists").then().statusCode(422);
        bearer(token + "x").get("/api/v1/rules").then().statusCode(401);
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target/rules-test.log"));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertTrue(!log.contains(signature), "a bearer token was written to the log");
    }

    @Test
    void rolesDecideWhoMayDoWhat() {
        String l = unique("role_list");
        String item = "- list: " + l + "\n  items: [a]\n";
        as("viewer").get("/api/v1/lists").then().statusCode(200);
        as("viewer").contentType(YAML).body(item).post("/api/v1/lists").then().statusCode(403);
        as("nobody").get("/api/v1/lists").then().statusCode(403);
        as("editor").contentType(YAML).body(item).post("/api/v1/lists").then().statusCode(201);
        as("viewer").delete("/api/v1/lists/{n}", l).then().statusCode(403);
        as("editor").contentType(YAML).body(item).post("/api/v1/import").then().statusCode(403);
        as("editor").post("/api/v1/versions/1/rollback").then().statusCode(403);
        as("viewer").contentType(YAML).body(item).post("/api/v1/validate").then().statusCode(200);
        as("admin").delete("/api/v1/lists/{n}", l).then().statusCode(204);
    }

    @Test
    void fieldCatalogueAndOpenApi() {
        as("viewer").get("/api/v1/fields").then().statusCode(200).body("name", hasItem("proc.name"))
                .body("name", hasItem("fd.name"));
        as("viewer").queryParam("prefix", "fd.").get("/api/v1/fields").then().statusCode(200)
                .body("name", not(hasItem("proc.name")));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/{kind}/{name}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/import"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/versions/{version}/rollback"));
    }
}
