package io.peregrine.e2e;

import static io.peregrine.e2e.HostileService.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueEntry;
import io.peregrine.e2e.HostileService.Case;
import io.peregrine.protocol.Subjects;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * capture-svc's inputs made hostile: its recording API with bad requests, and malformed interest
 * entries in the KV bucket (header only, garbage, huge). Each request gets its 4xx and reason; each
 * bad entry is counted and leaves the selection the capture had; the process is the one started.
 * The capture is live, as {@code ./peregrine up} runs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureHostileInputTest {

    static final String JSON_TYPE = "application/json";
    static final String RECORDINGS = "/api/v1/capture/recordings";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String node = "hostile-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private HostileService svc;
    private Connection nats;

    @BeforeAll
    void start() throws Exception {
        // Without the periodic re-read, each bad entry is counted once: the counts below are exact.
        svc = HostileService.start("capture-svc", Map.of("PEREGRINE_CAPTURE_NODE", node,
                "PEREGRINE_CAPTURE_RECORDINGS_DIR", System.getProperty("java.io.tmpdir") + "/peregrine-hostile-rec-" + node,
                "PEREGRINE_CAPTURE_INTEREST_RECHECK_SECONDS", "0"));
        nats = Nats.connect(svc.natsUrl);
    }

    @AfterAll
    void stop() throws Exception {
        if (nats != null) {
            nats.close();
        }
        if (svc != null) {
            svc.close();
        }
    }

    // ------------------------------------------------------------------ recording API

    @TestFactory
    Stream<DynamicTest> eachBadRequestGetsItsAnswer() {
        List<Case> cs = new ArrayList<>();
        cs.add(rec("no body", null, 400, "a body is required"));
        cs.add(rec("an unknown format", "{\"format\": \"exe\", \"seconds\": 1}", 400, "format must be 'peregrine' or 'scap'"));
        cs.add(rec("neither seconds nor events", "{\"format\": \"scap\"}", 400, "a recording must end by itself"));
        cs.add(rec("negative seconds", "{\"seconds\": -5}", 400, "give a positive 'seconds'"));
        // 10^10 s overflowed the deadline in nanoseconds: the recording ended at once instead of never.
        cs.add(rec("ten billion seconds", "{\"seconds\": 10000000000}", 400, "'seconds' is at most 86400"));
        cs.add(rec("seconds beyond a long", "{\"seconds\": 99999999999999999999999}", 400, ""));
        cs.add(rec("seconds as text", "{\"seconds\": \"ten\"}", 400, ""));
        cs.add(rec("a body that is not JSON", "{\"seconds\": ", 400, ""));
        cs.add(rec("a body nested 100,000 levels", "{\"format\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}",
                400, ""));
        cs.add(new Case("an editor may not record", "POST", RECORDINGS, "editor", JSON_TYPE, utf8("{\"seconds\": 1}"),
                403, ""));
        cs.add(new Case("a recording that does not exist", "GET", RECORDINGS + "/no-such-id", "admin", null, null, 404,
                "no recording no-such-id"));
        cs.add(new Case("the file of a path climbing out", "GET", RECORDINGS + "/..%2F..%2Fetc%2Fpasswd/file", "admin",
                null, null, 404, ""));
        cs.add(new Case("stopping a recording that does not exist", "POST", RECORDINGS + "/nope/stop", "admin", null,
                null, 404, "no recording nope"));
        return cs.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> svc.check(c)));
    }

    private static Case rec(String name, String json, int status, String detail) {
        return new Case(name, "POST", RECORDINGS, "admin", JSON_TYPE, json == null ? null : utf8(json), status, detail);
    }

    @Test
    void recordingsRunningAtOnceAreBounded() throws Exception {
        List<String> started = new ArrayList<>();
        try {
            HttpResponse<String> r;
            for (int i = 0; ; i++) {
                r = svc.send("POST", RECORDINGS, "admin", JSON_TYPE, utf8("{\"format\": \"scap\", \"seconds\": 120}"));
                if (r.statusCode() != 201) {
                    break;
                }
                started.add(JSON.readTree(r.body()).path("id").asText());
                assertTrue(i < 100, "100 recordings started at once");
            }
            assertEquals(409, r.statusCode(), r.body());
            assertTrue(r.body().contains("recordings are running, the most at once"), r.body());
            assertEquals(4, started.size());
        } finally {
            for (String id : started) {
                svc.send("POST", RECORDINGS + "/" + id + "/stop", "admin", null, null);
            }
        }
        HttpResponse<String> again = svc.send("POST", RECORDINGS, "admin", JSON_TYPE, utf8("{\"events\": 10}"));
        assertEquals(201, again.statusCode(), "once stopped, a recording starts again: " + again.body());
        svc.assertSameProcess();
    }

    // ------------------------------------------------------------------ interest in the KV bucket

    @Test
    void malformedInterestLeavesTheSelection() throws Exception {
        KeyValue kv = nats.keyValue(Subjects.INTEREST_BUCKET);
        KeyValueEntry original = kv.get(Subjects.INTEREST_KEY);
        byte[] good = utf8("peregrine-interest\t1\ntype\topenat\tfd.name\ntype\texecve\tproc.cmdline\n");
        byte[] random = new byte[64 << 10];
        new Random(23).nextBytes(random);
        StringBuilder huge = new StringBuilder("peregrine-interest\t1\n");
        while (huge.length() < 900_000) {
            huge.append("type\topenat\tfd.name\tproc.name\n");
        }
        huge.append("type\t\t\n");
        String rejected = "peregrine_capture_interest_rejected_total";
        try {
            JsonNode base = put(kv, "a good interest", good, null).path("selection");
            assertTrue(base.isArray() && !base.isEmpty(), "the interest selects something: " + base);
            // No event type named: the capture's default selection, which holds whatever an interest selects.
            JsonNode all = put(kv, "header only", utf8("peregrine-interest\t1\n"),
                    "peregrine_capture_interest_empty_total").path("selection");
            for (JsonNode t : base) {
                assertTrue(contains(all, t), "the default selection holds " + t + ": " + all);
            }
            assertEquals(base, put(kv, "the good interest again", good, null).path("selection"));
            Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
            bad.put("garbage", utf8("not an interest"));
            bad.put("64 KiB of random bytes", random);
            bad.put("an empty value", new byte[0]);
            bad.put("another version", utf8("peregrine-interest\t2\ntype\topenat\n"));
            bad.put("a line that is not a type", utf8("peregrine-interest\t1\ntype\topenat\nexec\trm -rf /\n"));
            bad.put("900 KB then an empty type name", utf8(huge.toString()));
            for (Map.Entry<String, byte[]> e : bad.entrySet()) {
                assertEquals(base, put(kv, e.getKey(), e.getValue(), rejected).path("selection"),
                        e.getKey() + ": the selection stays");
            }
        } finally {
            if (original != null && original.getValue() != null) {
                kv.put(Subjects.INTEREST_KEY, original.getValue());
            } else {
                kv.delete(Subjects.INTEREST_KEY);
            }
        }
    }

    /**
     * Puts {@code value} and waits (bounded) until capture has taken it: {@code counter} up by one,
     * or for a good entry a selection other than before; returns the capture's status then.
     */
    private JsonNode put(KeyValue kv, String name, byte[] value, String counter) throws Exception {
        double before = counter == null ? 0 : svc.metric(counter, "");
        JsonNode previous = capture().path("selection");
        kv.put(Subjects.INTEREST_KEY, value);
        for (int i = 0; i < 600; i++) {
            JsonNode s = capture();
            boolean taken = counter == null ? !s.path("selection").equals(previous)
                    : svc.metric(counter, "") > before;
            if (taken) {
                if (counter != null) {
                    assertEquals(before + 1, svc.metric(counter, ""), name + ": counted once");
                }
                svc.assertSameProcess();
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + ": not taken within 30 s: " + capture() + "\n" + svc.tail(20));
    }

    private static boolean contains(JsonNode array, JsonNode item) {
        for (JsonNode n : array) {
            if (n.equals(item)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode capture() throws Exception {
        return JSON.readTree(svc.get("/api/v1/capture", "viewer").body());
    }
}
