package io.peregrine.rules.management.api;

import static io.peregrine.rules.management.api.ItemApiTest.YAML;
import static io.peregrine.rules.management.api.ItemApiTest.as;
import static io.peregrine.rules.management.api.ItemApiTest.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.capture.CaptureConvert;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/test/capture with the upstream capture fixtures ($PEREGRINE_SHARED/fixtures/scap,
 * all gzip). Expected event numbers and values come from sysdig 0.29.3 on the same files (the
 * command is above each list).
 */
@QuarkusTest
public class CaptureTrialTest {

    static final String PATH = "/api/v1/test/capture";
    static final String OCTETS = "application/octet-stream";
    public static final String OPEN_TMP_FILES = "evt.type = open and evt.dir = < and fd.name startswith /tmp/file-";

    // sysdig -r open-multiple-files.scap -p '%evt.num %evt.rawtime %proc.name %fd.name' \
    //   "evt.type = open and evt.dir = < and fd.name startswith /tmp/file-"
    public static final List<Integer> OPEN_TMP_FILES_EVENTS =
            List.of(1098, 1102, 1108, 1114, 1120, 1126, 1132, 1138, 1144, 1150, 1156, 1162, 1168);
    // Its first line: 1098 1486171335286801004 python /tmp/file-1
    static final String FIRST_TIME = "2017-02-04T01:22:15.286801004Z";
    // The time of event 1132 (1486171335286856550 in the same output): where the truncated copy is cut.
    static final long EVENT_1132_TS = 1486171335286856550L;

    public static String rule(String name, String condition, String output) {
        return "- rule: " + name + "\n  desc: capture test rule\n  condition: " + condition + "\n  output: '" + output
                + "'\n  priority: NOTICE\n  tags: [test]\n";
    }

    @Test
    void theRulesetInForceRunsOverAGzipScap() throws IOException {
        String r = unique("Capture tmp files");
        as("editor").contentType(YAML).body(rule(r, OPEN_TMP_FILES, "%proc.name opened %fd.name"))
                .post("/api/v1/rules").then().statusCode(201);
        try {
            ValidatableResponse res = as("editor").contentType(OCTETS).body(fixture("open-multiple-files.scap"))
                    .post(PATH).then().statusCode(200)
                    .body("format", equalTo("scap")).body("gzip", equalTo(true))
                    .body("counts.events", greaterThan(1000)).body("counts.seeds", greaterThan(0))
                    .body("counts.projected", greaterThan(0)).body("truncated", equalTo(false))
                    .body("error", nullValue())
                    .body("matches.findAll { it.rule == '" + r + "' }.event", equalTo(OPEN_TMP_FILES_EVENTS));
            res.body("matches.find { it.rule == '" + r + "' }.time", equalTo(FIRST_TIME))
                    .body("matches.find { it.rule == '" + r + "' }.priority", equalTo("Notice"))
                    .body("matches.find { it.rule == '" + r + "' }.output",
                            equalTo("01:22:15.286801004: Notice python opened /tmp/file-1"))
                    .body("matches.find { it.rule == '" + r + "' }.outputFields.'fd.name'", equalTo("/tmp/file-1"));
        } finally {
            as("editor").delete("/api/v1/rules/{n}", r).then().statusCode(204);
        }
    }

    @Test
    void aDraftRuleRunsOverAPlainScap() throws IOException {
        String r = unique("Capture draft tmp write");
        // sysdig -r psp_write_tmp_test.scap -p '%evt.num %proc.name %fd.name %user.name %container.id' \
        //   "evt.type = open and evt.dir = < and evt.is_open_write = true"
        // 116 bash /tmp/test root 697956520d89
        String draft = rule(r, "evt.type = open and evt.dir = < and evt.is_open_write = true and fd.name = /tmp/test",
                "%proc.name wrote %fd.name as %user.name in %container.id");
        as("editor").multiPart("capture", "write_tmp.scap", gunzip(fixture("psp_write_tmp_test.scap")), OCTETS)
                .multiPart("files", "draft.yaml", draft.getBytes(StandardCharsets.UTF_8), YAML)
                .post(PATH).then().statusCode(200)
                .body("format", equalTo("scap")).body("gzip", equalTo(false))
                .body("matches.findAll { it.rule == '" + r + "' }.event", equalTo(List.of(116)))
                .body("matches.find { it.rule == '" + r + "' }.output",
                        endsWith(": Notice bash wrote /tmp/test as root in 697956520d89"));
        as("viewer").get("/api/v1/rules/{n}", r).then().statusCode(404);
        // An invalid draft is refused with its position, as for validate.
        as("editor").multiPart("capture", "write_tmp.scap", fixture("psp_write_tmp_test.scap"), OCTETS)
                .multiPart("files", "bad.yaml", "- rule: x\n  condition: (\n".getBytes(StandardCharsets.UTF_8), YAML)
                .post(PATH).then().statusCode(422).contentType(ProblemMapper.PROBLEM_JSON)
                .body("file", equalTo("bad.yaml"));
    }

    @Test
    void aPeregrineCaptureFileGivesTheSameMatches() throws IOException {
        Path dir = Files.createTempDirectory("capture-trial");
        Path scap = dir.resolve("open-multiple-files.scap");
        Path capture = dir.resolve("open-multiple-files.prgn");
        try {
            Files.write(scap, fixture("open-multiple-files.scap"));
            CaptureConvert.fromScap(scap, capture, UUID.randomUUID(), "node-7");
            String r = unique("Capture peregrine tmp files");
            as("editor")
                    .multiPart("capture", "omf.prgn", Files.readAllBytes(capture), OCTETS)
                    .multiPart("files", "only.yaml", rule(r, OPEN_TMP_FILES, "%proc.name on %evt.hostname")
                            .getBytes(StandardCharsets.UTF_8), YAML)
                    .multiPart("mode", "replace")
                    .post(PATH).then().statusCode(200)
                    .body("format", equalTo("peregrine")).body("hostname", equalTo("node-7"))
                    .body("matches.rule.unique()", equalTo(List.of(r)))
                    .body("matches.event", equalTo(OPEN_TMP_FILES_EVENTS))
                    .body("matches[0].output", endsWith("Notice python on node-7"));
        } finally {
            Files.deleteIfExists(scap);
            Files.deleteIfExists(capture);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void aTruncatedFileGivesTheMatchesBeforeTheDamageAndWhere() throws IOException {
        byte[] plain = gunzip(fixture("open-multiple-files.scap"));
        long block = eventBlockAt(plain, EVENT_1132_TS);
        byte[] cut = Arrays.copyOf(plain, (int) block + 20);
        String r = unique("Capture truncated");
        as("editor").multiPart("capture", "cut.scap", cut, OCTETS)
                .multiPart("files", "only.yaml", rule(r, OPEN_TMP_FILES, "%fd.name").getBytes(StandardCharsets.UTF_8),
                        YAML)
                .multiPart("mode", "replace")
                .post(PATH).then().statusCode(200)
                .body("matches.event", equalTo(OPEN_TMP_FILES_EVENTS.subList(0, 6)))
                .body("counts.matches", equalTo(6))
                .body("error.offset", equalTo((int) block))
                .body("error.message", containsString("truncated"));
    }

    @Test
    void matchesBeyondTheCapAreCountedNotReturned() throws IOException {
        String r = unique("Capture capped");
        as("editor").queryParam("maxMatches", 2)
                .multiPart("capture", "omf.scap", fixture("open-multiple-files.scap"), OCTETS)
                .multiPart("files", "only.yaml", rule(r, OPEN_TMP_FILES, "%fd.name").getBytes(StandardCharsets.UTF_8),
                        YAML)
                .multiPart("mode", "replace")
                .post(PATH).then().statusCode(200)
                .body("matches.event", equalTo(OPEN_TMP_FILES_EVENTS.subList(0, 2)))
                .body("counts.matches", equalTo(OPEN_TMP_FILES_EVENTS.size()))
                .body("truncated", equalTo(true));
    }

    @Test
    void aBodyThatIsNotACaptureIsRefused() throws IOException {
        as("editor").contentType(OCTETS).body("hello, not a capture".getBytes(StandardCharsets.US_ASCII)).post(PATH)
                .then().statusCode(400).contentType(ProblemMapper.PROBLEM_JSON)
                .body("title", equalTo("Not a capture file"))
                .body("detail", containsString("68 65 6c 6c 6f 2c 20 6e"));
        as("editor").contentType(OCTETS).body(gzip("hello, not a capture".getBytes(StandardCharsets.US_ASCII)))
                .post(PATH).then().statusCode(400).body("detail", containsString("decompressed body"));
        as("editor").contentType(OCTETS).body(new byte[0]).post(PATH).then().statusCode(400)
                .contentType(ProblemMapper.PROBLEM_JSON).body("detail", containsString("empty"));
        as("editor").contentType(OCTETS).queryParam("maxMatches", -1).body(fixture("syscall.scap")).post(PATH).then()
                .statusCode(400).body("detail", containsString("maxMatches"));
        as("editor").multiPart("files", "x.yaml", "- list: a\n  items: []\n".getBytes(StandardCharsets.UTF_8), YAML)
                .post(PATH).then().statusCode(400).body("detail", containsString("capture"));
    }

    @Test
    void aCaptureLargerThanTheLimitIsRefusedBeforeItIsSent() throws Exception {
        long size = 64L * 1024 * 1024 + 1;
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + PATH))
                        .expectContinue(true).version(HttpClient.Version.HTTP_1_1).header("Content-Type", OCTETS)
                        .header("Authorization", "Bearer " + Tokens.of("editor"))
                        .POST(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> InputStream.nullInputStream()), size))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, res.statusCode());
    }

    @Test
    void aTokenWithTheEditorRoleIsNeeded() throws IOException {
        byte[] scap = fixture("syscall.scap");
        given().contentType(OCTETS).body(scap).post(PATH).then().statusCode(401);
        as("viewer").contentType(OCTETS).body(scap).post(PATH).then().statusCode(403);
        as("admin").contentType(OCTETS).body(scap).post(PATH).then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentDescribesIt() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'" + PATH + "'.post.requestBody.content.keySet()",
                        org.hamcrest.Matchers.hasItems(OCTETS, "multipart/form-data"));
    }

    /** Offset of the .scap event block (type 0x204) whose event has time {@code ts}. */
    static long eventBlockAt(byte[] scap, long ts) {
        ByteBuffer b = ByteBuffer.wrap(scap).order(ByteOrder.LITTLE_ENDIAN);
        int off = 0;
        while (off + 12 <= scap.length) {
            int type = b.getInt(off);
            int len = b.getInt(off + 4);
            assertTrue(len >= 12, "block length at " + off);
            // Event block: block header (8), cpu (2), then the event header starting with its time.
            if (type == 0x204 && b.getLong(off + 10) == ts) {
                return off;
            }
            off += len;
        }
        throw new AssertionError("no event block with time " + ts);
    }

    public static byte[] fixture(String name) throws IOException {
        String env = System.getenv("PEREGRINE_SHARED");
        Path shared = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "..", "shared");
        Path f = shared.resolve("fixtures").resolve("scap").resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("fixture not found at " + f.toAbsolutePath() + " (set PEREGRINE_SHARED)");
        }
        return Files.readAllBytes(f);
    }

    public static byte[] gunzip(byte[] b) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }
}
