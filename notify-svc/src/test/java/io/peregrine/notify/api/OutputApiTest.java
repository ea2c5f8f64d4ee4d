package io.peregrine.notify.api;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.peregrine.notify.delivery.Alerts;
import io.peregrine.notify.delivery.Receiver;
import io.peregrine.notify.output.Signature;
import io.peregrine.notify.output.WebhookOutput;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.protocol.alert.Priority;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.peregrine.notify.delivery.JetStreamFixture.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/v1/outputs against the running service, PostgreSQL and NATS: roles, write-only secrets, effect on delivery. */
@QuarkusTest
class OutputApiTest {

    private static final String SECRET = "hmac-" + UUID.randomUUID();
    private static final String HEADER_SECRET = "Bearer tok-" + UUID.randomUUID();
    private static Receiver hook;
    private static Connection nats;

    @jakarta.inject.Inject
    javax.sql.DataSource db;

    @BeforeAll
    static void start() throws Exception {
        hook = new Receiver();
        nats = Nats.connect(System.getenv().getOrDefault("PEREGRINE_NATS_URL", "nats://127.0.0.1:4222"));
    }

    @AfterAll
    static void stop() throws Exception {
        hook.close();
        nats.close();
    }

    private static String name() {
        return "out-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> webhook(String name, String url) {
        return Map.of("name", name, "type", "webhook", "url", url, "secret", SECRET,
                "headers", Map.of("Authorization", HEADER_SECRET), "minPriority", "warning");
    }

    @Test
    void withoutATokenIs401AndAViewerCannotWrite() {
        given().get("/api/v1/outputs").then().statusCode(401);
        given().auth().oauth2(Tokens.foreignIssuer()).get("/api/v1/outputs").then().statusCode(401);
        given().auth().oauth2("not-a-jwt").get("/api/v1/outputs").then().statusCode(401);
        given().auth().oauth2(Tokens.of("viewer")).get("/api/v1/outputs").then().statusCode(200);
        given().auth().oauth2(Tokens.of("viewer")).contentType(ContentType.JSON).body(webhook(name(), hook.url()))
                .post("/api/v1/outputs").then().statusCode(403);
        given().auth().oauth2(Tokens.of("nobody")).get("/api/v1/outputs").then().statusCode(403);
        // Health and metrics stay open.
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void secretsAreWriteOnlyAndKeptAcrossUpdates() throws Exception {
        String name = name();
        String editor = Tokens.of("editor");
        Response created = given().auth().oauth2(editor).contentType(ContentType.JSON).body(webhook(name, hook.url()))
                .post("/api/v1/outputs");
        created.then().statusCode(201)
                .body("name", equalTo(name))
                .body("secret", nullValue())
                .body("headers.Authorization", equalTo("********"))
                .body("secretsSet", hasItems("secret", "headers"))
                .body("source", equalTo("api"));
        assertFalse(created.asString().contains(SECRET));
        assertFalse(created.asString().contains(HEADER_SECRET));

        String listed = given().auth().oauth2(Tokens.of("viewer")).get("/api/v1/outputs").then().statusCode(200)
                .body("name", hasItem(name)).extract().asString();
        assertFalse(listed.contains(SECRET) || listed.contains(HEADER_SECRET));
        String one = given().auth().oauth2(Tokens.of("viewer")).get("/api/v1/outputs/" + name).then().statusCode(200)
                .extract().asString();
        assertFalse(one.contains(SECRET) || one.contains(HEADER_SECRET));

        // Update from what a client sees: no secret, masked header. Both stay as stored.
        Map<String, Object> update = Map.of("type", "webhook", "url", hook.url(), "minPriority", "error",
                "headers", Map.of("Authorization", "********"));
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(update).put("/api/v1/outputs/" + name)
                .then().statusCode(200).body("minPriority", equalTo("error")).body("secretsSet", hasItems("secret", "headers"));

        int before = hook.accepted().size();
        given().auth().oauth2(editor).post("/api/v1/outputs/" + name + "/test").then().statusCode(200)
                .body("delivered", equalTo(true));
        await("test alert received", () -> hook.accepted().size() > before);
        Receiver.Request r = hook.accepted().getLast();
        assertEquals(Signature.sign(SECRET, r.body()), r.header(Signature.HEADER), "stored secret still signs");
        assertEquals(HEADER_SECRET, r.header("Authorization"));
        assertEquals("Peregrine test alert", AlertJson.decode(r.text()).rule());

        given().auth().oauth2(editor).delete("/api/v1/outputs/" + name).then().statusCode(204);
        given().auth().oauth2(editor).get("/api/v1/outputs/" + name).then().statusCode(404);

        Path log = Path.of("target/notify-test.log");
        if (Files.exists(log)) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertFalse(text.contains(SECRET) || text.contains(HEADER_SECRET), "a secret reached the log");
        }
    }

    @Test
    void badDeclarationsGetClearErrors() {
        String editor = Tokens.of("editor");
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("name", "bad name!", "type", "webhook", "minPriority", "urgent", "template", "${rule"))
                .post("/api/v1/outputs").then().statusCode(400)
                .body("problems", hasItems(
                        containsString("name must be"), containsString("webhook needs url"),
                        containsString("minPriority 'urgent'"), containsString("not closed")));
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(Map.of("name", "x", "type", "carrier-pigeon"))
                .post("/api/v1/outputs").then().statusCode(400).body("problems[0]", containsString("type must be one of"));
        given().auth().oauth2(editor).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/api/v1/outputs").then().statusCode(400);
        String name = name();
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(webhook(name, hook.url()))
                .post("/api/v1/outputs").then().statusCode(201);
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(webhook(name, hook.url()))
                .post("/api/v1/outputs").then().statusCode(409);
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(webhook("other", hook.url()))
                .put("/api/v1/outputs/" + name).then().statusCode(400).body("error", containsString("differs"));
        given().auth().oauth2(editor).delete("/api/v1/outputs/" + name).then().statusCode(204);
        given().auth().oauth2(editor).delete("/api/v1/outputs/" + name).then().statusCode(404);
    }

    @Test
    void theTestEndpointReportsAFailure() throws Exception {
        try (Receiver failing = new Receiver().behave(n -> 500)) {
            String name = name();
            String editor = Tokens.of("admin");
            given().auth().oauth2(editor).contentType(ContentType.JSON).body(webhook(name, failing.url()))
                    .post("/api/v1/outputs").then().statusCode(201);
            given().auth().oauth2(editor).post("/api/v1/outputs/" + name + "/test").then().statusCode(200)
                    .body("delivered", equalTo(false)).body("reason", equalTo("HTTP 500"));
            assertEquals(1, failing.received(), "the test endpoint tries once");
            given().auth().oauth2(editor).delete("/api/v1/outputs/" + name).then().statusCode(204);
        }
        given().auth().oauth2(Tokens.of("editor")).post("/api/v1/outputs/no-such-output/test").then().statusCode(404);
    }

    @Test
    void anOutputCreatedOverTheApiTakesAlertsAndOnlyThoseItsFilterLets() throws Exception {
        try (Receiver r = new Receiver()) {
            String name = name();
            String editor = Tokens.of("editor");
            given().auth().oauth2(editor).contentType(ContentType.JSON)
                    .body(Map.of("name", name, "type", "webhook", "url", r.url(), "minPriority", "error"))
                    .post("/api/v1/outputs").then().statusCode(201);
            Alert low = Alerts.alert("Low", Priority.NOTICE);
            Alert high = Alerts.alert("High", Priority.CRITICAL);
            for (Alert a : List.of(low, high)) {
                nats.jetStream().publish("notifytest.alerts." + a.priority().name().toLowerCase() + "." + a.rule(),
                        AlertJson.encode(a).getBytes(StandardCharsets.UTF_8));
            }
            await("critical alert delivered", () -> r.accepted().stream()
                    .anyMatch(q -> high.uuid().equals(q.header(WebhookOutput.ALERT_ID_HEADER))));
            assertTrue(r.accepted().stream().noneMatch(q -> low.uuid().equals(q.header(WebhookOutput.ALERT_ID_HEADER))));
            // The terminal file of the application configuration (no filter) shows both, one readable line each.
            Path terminal = Path.of("target/terminal-alerts.log");
            await("terminal lines", () -> {
                try {
                    String t = Files.readString(terminal);
                    return t.contains(high.output() + " [High]\n") && t.contains(low.output() + " [Low]\n");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("peregrine_notify_delivered_total{output=\"" + name + "\"}"))
                    .body(containsString("peregrine_notify_delivery_latency_seconds_bucket{output=\"terminal\""));
            given().auth().oauth2(editor).delete("/api/v1/outputs/" + name).then().statusCode(204);
        }
    }

    @Test
    void aggregationAndFiltersRoundTrip() {
        String name = name();
        String editor = Tokens.of("editor");
        Map<String, Object> decl = Map.of("name", name, "type", "stdout", "includeRules", List.of("Write below *"),
                "excludeTags", List.of("noise"), "template", "${rule} x${count}",
                "aggregation", Map.of("window", "PT30S", "keyFields", List.of("proc.name")));
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(decl).post("/api/v1/outputs").then().statusCode(201);
        given().auth().oauth2(Tokens.of("viewer")).get("/api/v1/outputs/" + name).then().statusCode(200)
                .body("aggregation.window", equalTo("PT30S"))
                .body("aggregation.keyFields", equalTo(List.of("proc.name")))
                .body("includeRules", equalTo(List.of("Write below *")))
                .body("template", equalTo("${rule} x${count}"));
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "stdout", "aggregation", Map.of("window", "PT0S")))
                .put("/api/v1/outputs/" + name).then().statusCode(400)
                .body("problems[0]", containsString("aggregation.window"));
        given().auth().oauth2(editor).delete("/api/v1/outputs/" + name).then().statusCode(204);
    }

    @Test
    void configOutputsAreListedButNotChangedOverTheApi() {
        given().auth().oauth2(Tokens.of("viewer")).get("/api/v1/outputs/terminal").then().statusCode(200)
                .body("type", equalTo("terminal")).body("source", equalTo("config"));
        given().auth().oauth2(Tokens.of("admin")).delete("/api/v1/outputs/terminal").then().statusCode(409);
        given().auth().oauth2(Tokens.of("viewer")).get("/api/v1/outputs").then().statusCode(200)
                .body("name", not(hasItem("no-such-output")));
    }

    @Test
    void outputsThatReachBeyondTheirPlaceAreRefusedWithTheReason() {
        String editor = Tokens.of("editor");
        Map<Map<String, Object>, String> refused = Map.of(
                Map.of("name", name(), "type", "nats", "subject", "$JS.API.STREAM.DELETE.NOTIFY_TEST_ALERTS"), "is reserved",
                Map.of("name", name(), "type", "nats", "subject", "peregrine.alerts.critical.fake"), "is reserved",
                Map.of("name", name(), "type", "nats", "subject", "notifytest.alerts.critical.loop"), "is reserved",
                Map.of("name", name(), "type", "file", "path", "/etc/cron.d/peregrine"), "must be a file in",
                Map.of("name", name(), "type", "terminal", "path", "logs/../../../x.log"), "'..'",
                Map.of("name", name(), "type", "file", "path", "a.jsonl", "maxFiles", 0), "maxFiles must be between 1 and 100");
        refused.forEach((decl, reason) -> given().auth().oauth2(editor).contentType(ContentType.JSON).body(decl)
                .post("/api/v1/outputs").then().statusCode(400).body("problems", hasItem(containsString(reason))));

        String name = name();
        given().auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "file", "path", "team/alerts.jsonl")).post("/api/v1/outputs")
                .then().statusCode(201).body("path", equalTo(Path.of("target/notify-files/team/alerts.jsonl").toAbsolutePath().toString()));
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(Map.of("type", "file", "path", "/tmp/x.jsonl"))
                .put("/api/v1/outputs/" + name).then().statusCode(400).body("problems", hasItem(containsString("must be a file in")));
        given().auth().oauth2(editor).delete("/api/v1/outputs/" + name).then().statusCode(204);
    }

    @Test
    void aWebhookMovedToAnotherHostTakesNoStoredSecretThere() throws Exception {
        try (Receiver other = new Receiver()) {
            String name = name();
            String editor = Tokens.of("editor");
            given().auth().oauth2(editor).contentType(ContentType.JSON).body(webhook(name, hook.url()))
                    .post("/api/v1/outputs").then().statusCode(201);
            // What a client that only read the output would send back, pointed elsewhere: the mask has nothing to keep.
            given().auth().oauth2(editor).contentType(ContentType.JSON)
                    .body(Map.of("type", "webhook", "url", other.url(), "headers", Map.of("Authorization", "********")))
                    .put("/api/v1/outputs/" + name).then().statusCode(400)
                    .body("problems", hasItem(containsString("header Authorization")));
            given().auth().oauth2(editor).contentType(ContentType.JSON).body(Map.of("type", "webhook", "url", other.url()))
                    .put("/api/v1/outputs/" + name).then().statusCode(200)
                    .body("secretsSet", not(hasItem("secret"))).body("secretsSet", not(hasItem("headers")));
            given().auth().oauth2(editor).post("/api/v1/outputs/" + name + "/test").then().statusCode(200)
                    .body("delivered", equalTo(true));
            Receiver.Request r = other.accepted().getLast();
            assertEquals(null, r.header(Signature.HEADER), "the old key signs nothing for the new host");
            assertEquals(null, r.header("Authorization"));
            assertFalse(r.headers().toString().contains(HEADER_SECRET));
            given().auth().oauth2(editor).delete("/api/v1/outputs/" + name).then().statusCode(204);
        }
    }

    @Test
    void secretsAreEncryptedInTheDatabaseAndStillDeliver() throws Exception {
        String name = name();
        String editor = Tokens.of("editor");
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(webhook(name, hook.url()))
                .post("/api/v1/outputs").then().statusCode(201);
        String row;
        try (java.sql.Connection c = db.getConnection();
             java.sql.PreparedStatement q = c.prepareStatement("select spec from notify.notify_output where name = ?")) {
            q.setString(1, name);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                row = rs.getString(1);
            }
        }
        assertFalse(row.contains(SECRET) || row.contains(HEADER_SECRET), "a secret is stored in plain text");
        assertTrue(row.contains("\"secret\":\"enc:v1:"), row);
        assertTrue(row.contains(hook.url()), "what is not secret stays readable");

        int before = hook.accepted().size();
        given().auth().oauth2(editor).post("/api/v1/outputs/" + name + "/test").then().statusCode(200)
                .body("delivered", equalTo(true));
        await("test alert received", () -> hook.accepted().size() > before);
        Receiver.Request r = hook.accepted().getLast();
        assertEquals(Signature.sign(SECRET, r.body()), r.header(Signature.HEADER));
        assertEquals(HEADER_SECRET, r.header("Authorization"));
        given().auth().oauth2(editor).delete("/api/v1/outputs/" + name).then().statusCode(204);
    }

    @Test
    void aFileOutputStoredBeforeConfinementIsNotTriedOutsideTheDirectory() throws Exception {
        String name = name();
        Path outside = Path.of("target/outside-" + name + ".jsonl").toAbsolutePath();
        try (java.sql.Connection c = db.getConnection();
             java.sql.PreparedStatement q = c.prepareStatement(
                     "insert into notify.notify_output (name, type, spec, updated_at) values (?, 'file', ?, now())")) {
            q.setString(1, name);
            q.setString(2, "{\"name\":\"" + name + "\",\"type\":\"file\",\"path\":\"" + outside + "\"}");
            q.executeUpdate();
        }
        given().auth().oauth2(Tokens.of("editor")).post("/api/v1/outputs/" + name + "/test").then().statusCode(409)
                .body("problems", hasItem(containsString("must be a file in")));
        assertFalse(Files.exists(outside), "nothing written outside the output directory");
        given().auth().oauth2(Tokens.of("editor")).delete("/api/v1/outputs/" + name).then().statusCode(204);
    }
}
