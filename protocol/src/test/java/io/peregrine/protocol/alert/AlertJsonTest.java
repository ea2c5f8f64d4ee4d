package io.peregrine.protocol.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

    private static Alert sample() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("proc.name", "bash");
        f.put("proc.pid", 4242L);
        f.put("fd.name", null);
        f.put("proc.is_exe_from_memfd", Boolean.TRUE);
        f.put("proc.cmdline", "sh -c \"echo\ttab\"\n");
        return new Alert("8f1c0d3e-1111-4222-8333-944455556666", Instant.ofEpochSecond(1700000000L, 5),
                "Read sensitive file", Priority.WARNING, "10:00 Warning a \"quoted\" \\ thing", f, "syscall",
                List.of("T1555", "filesystem"), "node-1");
    }

    @Test
    void encodesFalcoShape() {
        String j = AlertJson.encode(sample());
        assertTrue(j.contains("\"time\":\"2023-11-14T22:13:20.000000005Z\""), j);
        assertTrue(j.contains("\"priority\":\"Warning\""), j);
        assertTrue(j.contains("\"output_fields\":{\"proc.name\":\"bash\",\"proc.pid\":4242,\"fd.name\":null,"
                + "\"proc.is_exe_from_memfd\":true,\"proc.cmdline\":\"sh -c \\\"echo\\ttab\\\"\\n\"}"), j);
        assertTrue(j.contains("\"tags\":[\"T1555\",\"filesystem\"]"), j);
        assertTrue(j.contains("\"source\":\"syscall\""), j);
        assertTrue(j.contains("\"hostname\":\"node-1\""), j);
    }

    @Test
    void roundTrips() {
        Alert a = sample();
        assertEquals(a, AlertJson.decode(AlertJson.encode(a)));
    }

    @Test
    void decodesFalcoAlertWithoutUuid() {
        String falco = "{\"hostname\":\"h\",\"output\":\"o\",\"output_fields\":{\"evt.time\":1700000000000000000,"
                + "\"user.name\":\"root\"},\"priority\":\"Critical\",\"rule\":\"R\",\"source\":\"syscall\","
                + "\"tags\":[],\"time\":\"2023-11-14T22:13:20.123456789Z\",\"extra\":[1,{\"a\":null}]}";
        Alert a = AlertJson.decode(falco);
        assertEquals(Priority.CRITICAL, a.priority());
        assertEquals(1700000000000000000L, a.outputFields().get("evt.time"));
        assertEquals(123456789, a.time().getNano());
        assertEquals("", a.uuid());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> AlertJson.decode("{\"rule\":\"x\""));
        assertThrows(IllegalArgumentException.class, () -> AlertJson.decode("[]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlertJson.decode(
                "{\"time\":\"yesterday\",\"rule\":\"r\",\"priority\":\"Warning\",\"output\":\"o\"}"));
        assertTrue(e.getMessage().contains("RFC 3339"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AlertJson.decode(
                "{\"time\":\"2023-11-14T22:13:20Z\",\"rule\":\"r\",\"priority\":\"Loud\",\"output\":\"o\"}"));
        assertTrue(e.getMessage().contains("priority"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Alert("u", Instant.EPOCH, "r", Priority.DEBUG, "o",
                Map.of("x", 1.5), "syscall", List.of(), "h"));
    }

    @Test
    void priorityOrderAndParsing() {
        assertTrue(Priority.CRITICAL.atLeast(Priority.WARNING));
        assertTrue(!Priority.NOTICE.atLeast(Priority.WARNING));
        assertEquals(Priority.INFORMATIONAL, Priority.parse("INFO"));
        assertEquals(null, Priority.parse("loud"));
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() {
        int levels = 300_000;
        String deep = "{\"rule\":" + "[".repeat(levels) + "]".repeat(levels) + "}";
        AlertJson.TooDeepException e = assertThrows(AlertJson.TooDeepException.class, () -> AlertJson.decode(deep));
        assertTrue(e.getMessage().contains("deeper than " + AlertJson.MAX_DEPTH), e.getMessage());
        String objects = "{\"a\":".repeat(levels) + "1" + "}".repeat(levels);
        assertThrows(AlertJson.TooDeepException.class, () -> AlertJson.decode(objects));
    }

    @Test
    void nestingUpToTheLimitIsStillRead() {
        // Siblings do not add up: depth is counted per path, not per container seen.
        String fields = "\"output_fields\":{\"x\":1},\"tags\":[\"a\"],\"extra\":" + "[".repeat(AlertJson.MAX_DEPTH - 1)
                + "]".repeat(AlertJson.MAX_DEPTH - 1) + ",\"more\":[[],[],{}]";
        Alert a = AlertJson.decode("{\"time\":\"2024-01-01T00:00:00.000000000Z\",\"rule\":\"r\",\"priority\":\"Warning\","
                + "\"output\":\"o\"," + fields + "}");
        assertEquals("r", a.rule());
        assertEquals(List.of("a"), a.tags());
    }
}
