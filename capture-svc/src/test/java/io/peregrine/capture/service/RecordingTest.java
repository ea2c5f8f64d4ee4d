package io.peregrine.capture.service;

import io.peregrine.driver.capture.CaptureFileReader;
import io.peregrine.driver.scap.ScapReader;
import io.peregrine.driver.source.EventSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** Recording what the capture sends, in both formats, through the admin-only REST API. */
@QuarkusTest
class RecordingTest {

    @Inject
    CaptureService capture;

    @Test
    void recordingsAreForAdminsOnly() {
        given().get("/api/v1/capture/recordings").then().statusCode(401);
        given().auth().oauth2(Tokens.of("viewer")).get("/api/v1/capture/recordings").then().statusCode(403);
        given().auth().oauth2(Tokens.of("editor")).get("/api/v1/capture/recordings").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin")).get("/api/v1/capture/recordings").then().statusCode(200);
    }

    @Test
    void badRequestsAreExplained() {
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body("{\"format\":\"pcapng\",\"seconds\":1}")
                .post("/api/v1/capture/recordings").then().statusCode(400).body(containsString("'peregrine' or 'scap'"));
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body("{\"format\":\"scap\"}")
                .post("/api/v1/capture/recordings").then().statusCode(400).body(containsString("must end by itself"));
        given().auth().oauth2(Tokens.of("admin")).get("/api/v1/capture/recordings/nope").then().statusCode(404);
    }

    @Test
    void aRecordingOfAReplayHoldsTheSameEventsInEitherFormat() throws Exception {
        Path fixture = Fixtures.scap("connect_localhost.scap");
        List<String> expected = events(ScapReader.open(fixture));

        for (String format : List.of("peregrine", "scap")) {
            capture.stop();
            String id = given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                    .body("{\"format\":\"" + format + "\",\"events\":" + expected.size() + ",\"seconds\":60}")
                    .post("/api/v1/capture/recordings").then().statusCode(201)
                    .body("state", equalTo("RECORDING")).extract().path("id");
            capture.start(fixture.toString(), 0);
            capture.pipeline().awaitFinished(10_000);
            Thread.sleep(200); // the publisher thread writes the recording right after sending
            given().auth().oauth2(Tokens.of("admin")).post("/api/v1/capture/recordings/" + id + "/stop")
                    .then().statusCode(200).body("state", equalTo("DONE")).body("events", equalTo(expected.size()));

            byte[] file = given().auth().oauth2(Tokens.of("admin")).get("/api/v1/capture/recordings/" + id + "/file")
                    .then().statusCode(200).extract().asByteArray();
            Path copy = Files.createTempFile("recording", "." + format);
            Files.write(copy, file);
            List<String> got = events(format.equals("scap") ? ScapReader.open(copy) : CaptureFileReader.open(copy));
            assertEquals(expected.size(), got.size(), format + ": number of events");
            for (int i = 0; i < got.size(); i++) {
                assertEquals(expected.get(i), got.get(i), format + ": event " + i);
            }
        }
        capture.stop();
    }

    private static List<String> events(EventSource src) throws Exception {
        List<String> out = new ArrayList<>();
        try (src) {
            src.drain(e -> out.add(e.ts() + " " + e.tid() + " " + e.type() + " " + e.len()));
        }
        return out;
    }
}
