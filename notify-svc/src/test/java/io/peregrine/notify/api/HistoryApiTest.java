package io.peregrine.notify.api;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.protocol.alert.Priority;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.peregrine.notify.delivery.JetStreamFixture.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Alerts taken by the running service land in the history and come back by every filter. */
@QuarkusTest
class HistoryApiTest {

    private static final String HOST = "host-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
    private static Connection nats;
    private static Alert shellWeb;
    private static Alert shellDb;
    private static Alert etcWrite;
    private static Alert debugNoise;

    private static Alert alert(String rule, Priority p, List<String> tags, String container, int minutes, String detail) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("proc.name", "bash");
        f.put("container.name", container);
        f.put("proc.pid", 77L);
        Instant t = BASE.plus(minutes, ChronoUnit.MINUTES);
        return new Alert(UUID.randomUUID().toString(), t, rule, p, t + ": " + p.falcoName() + " " + detail, f,
                "syscall", tags, HOST);
    }

    /** Once per class, but after Quarkus has pointed RestAssured at the service. */
    @BeforeEach
    void publishOnce() throws Exception {
        if (nats != null) {
            return;
        }
        nats = Nats.connect(System.getenv().getOrDefault("PEREGRINE_NATS_URL", "nats://127.0.0.1:4222"));
        shellWeb = alert("Terminal shell in container", Priority.NOTICE, List.of("shell", "container"), "web", 5, "shell in web");
        shellDb = alert("Terminal shell in container", Priority.NOTICE, List.of("shell", "container"), "db", 10, "shell in db");
        etcWrite = alert("Write below etc", Priority.ERROR, List.of("filesystem"), "web", 70, "file=/etc/passwd opened for writing");
        debugNoise = alert("Noise", Priority.DEBUG, List.of(), null, 130, "nothing");
        for (Alert a : List.of(shellWeb, shellDb, etcWrite, debugNoise)) {
            nats.jetStream().publish("notifytest.alerts." + a.priority().name().toLowerCase() + ".x",
                    AlertJson.encode(a).getBytes(StandardCharsets.UTF_8));
        }
        String viewer = Tokens.of("viewer");
        await("history holds the alerts", () -> given().auth().oauth2(viewer).queryParam("host", HOST)
                .get("/api/v1/alerts").then().extract().jsonPath().getList("uuid").size() == 4);
    }

    @AfterAll
    static void close() throws Exception {
        if (nats != null) {
            nats.close();
        }
    }

    private static Set<String> uuids(Map<String, ?> query) {
        JsonPath j = given().auth().oauth2(Tokens.of("viewer")).queryParams(query).queryParam("host", HOST)
                .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
        return new HashSet<>(j.getList("uuid", String.class));
    }

    @Test
    void queriesByEachFilter() {
        assertEquals(Set.of(etcWrite.uuid()), uuids(Map.of("priority", "warning")));
        assertEquals(Set.of(shellWeb.uuid(), shellDb.uuid(), etcWrite.uuid()), uuids(Map.of("priority", "notice")));
        assertEquals(Set.of(shellWeb.uuid(), shellDb.uuid()), uuids(Map.of("rule", "Terminal shell in container")));
        assertEquals(Set.of(shellWeb.uuid(), shellDb.uuid()), uuids(Map.of("tag", "shell")));
        assertEquals(Set.of(shellWeb.uuid(), etcWrite.uuid()), uuids(Map.of("container", "web")));
        assertEquals(Set.of(shellDb.uuid()), uuids(Map.of("text", "SHELL IN DB")));
        assertEquals(Set.of(etcWrite.uuid()), uuids(Map.of("text", "/etc/passwd")));
        assertEquals(Set.of(shellDb.uuid(), etcWrite.uuid()), uuids(Map.of(
                "from", BASE.plus(10, ChronoUnit.MINUTES).toString(), "to", BASE.plus(71, ChronoUnit.MINUTES).toString())));
        assertEquals(Set.of(), uuids(Map.of("text", "100%_")));
    }

    @Test
    void returnsFalcoJsonNewestFirst() {
        JsonPath j = given().auth().oauth2(Tokens.of("viewer")).queryParam("host", HOST).queryParam("limit", 2)
                .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(debugNoise.uuid(), etcWrite.uuid()), j.getList("uuid"));
        assertEquals("Error", j.getString("[1].priority"));
        assertEquals(AlertJson.formatTime(etcWrite.time()), j.getString("[1].time"));
        assertEquals(77, j.getInt("[1].output_fields.'proc.pid'"));
        assertEquals(List.of("filesystem"), j.getList("[1].tags"));
    }

    @Test
    void countsPerRuleAndPriorityPerBucket() {
        JsonPath j = given().auth().oauth2(Tokens.of("viewer")).queryParam("host", HOST).queryParam("bucket", "PT1H")
                .queryParam("from", BASE.toString()).queryParam("to", BASE.plus(3, ChronoUnit.HOURS).toString())
                .get("/api/v1/alerts/counts").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = j.getList("$");
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(Map.of("bucket", AlertJson.formatTime(BASE), "rule", "Terminal shell in container",
                "priority", "Notice", "count", 2), rows.get(0));
        assertEquals(Map.of("bucket", AlertJson.formatTime(BASE.plus(1, ChronoUnit.HOURS)), "rule", "Write below etc",
                "priority", "Error", "count", 1), rows.get(1));
        assertEquals(Map.of("bucket", AlertJson.formatTime(BASE.plus(2, ChronoUnit.HOURS)), "rule", "Noise",
                "priority", "Debug", "count", 1), rows.get(2));
    }

    @Test
    void badParametersAreRefusedClearly() {
        String viewer = Tokens.of("viewer");
        given().auth().oauth2(viewer).queryParam("priority", "urgent").get("/api/v1/alerts")
                .then().statusCode(400).body("error", containsString("priority 'urgent'"));
        given().auth().oauth2(viewer).queryParam("from", "yesterday").get("/api/v1/alerts")
                .then().statusCode(400).body("error", containsString("from must be an RFC 3339"));
        given().auth().oauth2(viewer).queryParam("bucket", "hourly").get("/api/v1/alerts/counts")
                .then().statusCode(400).body("error", containsString("bucket"));
        given().auth().oauth2(viewer).queryParam("limit", 0).get("/api/v1/alerts").then().statusCode(400);
        given().get("/api/v1/alerts").then().statusCode(401);
    }
}
