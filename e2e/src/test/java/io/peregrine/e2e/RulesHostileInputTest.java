package io.peregrine.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.peregrine.driver.capture.CaptureFileWriter;
import io.peregrine.e2e.HostileService.Case;
import io.peregrine.driver.capture.CaptureHeader;
import io.peregrine.driver.scap.ScapReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * rules-svc's own inputs made hostile: rule files and conditions sent to {@code /validate} and
 * {@code /test}, capture files sent to {@code /test/capture}. The service runs as its packaged
 * application with the heap of its image ({@code -Xmx256m -XX:+ExitOnOutOfMemoryError}), so an input
 * that exhausts memory ends the process and fails every later check. Each fixed case has the answer
 * it must get; the seeded mutator ({@code -Dperegrine.hostile.mutations=N}, {@code
 * -Dperegrine.hostile.seed=S}) only allows a 200 or a 4xx with a reason. After each test the
 * process must be the one started, alive and ready, with the ruleset in force unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesHostileInputTest {

    static final int MUTATIONS = Integer.getInteger("peregrine.hostile.mutations", 1500);
    static final long SEED = Long.getLong("peregrine.hostile.seed", 15L);
    static final String YAML = "application/yaml";
    static final String JSON_TYPE = "application/json";
    static final String OCTETS = "application/octet-stream";
    static final String CAPTURE = "/api/v1/test/capture";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileService svc;
    private ServiceProcess rules;
    private long version;
    private String export;
    private byte[] scap;
    private byte[] peregrine;

    @BeforeAll
    void start() throws Exception {
        // Only the management API: the events stream of the shared NATS belongs to other tests.
        svc = HostileService.start("rules-svc", Map.of("PEREGRINE_RULES_EVALUATE", "false"));
        rules = svc.process;
        JsonNode summary = JSON.readTree(get("/api/v1/ruleset").body());
        version = summary.path("version").asLong();
        export = get("/api/v1/export").body();
        scap = smallScap();
        peregrine = asPeregrine(scap);
    }

    @AfterAll
    void stop() throws Exception {
        if (svc != null) {
            svc.close();
        }
    }

    // ------------------------------------------------------------------ fixed cases

    @TestFactory
    Stream<DynamicTest> eachHostileInputGetsItsAnswer() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            HttpResponse<String> r = send(c.method(), c.path(), c.role(), c.contentType(), c.body());
            assertEquals(c.status(), r.statusCode(), c.name() + ": " + r.body() + "\n" + rules.tail(20));
            if (c.status() >= 400) {
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                        c.name() + ": " + r.headers().map());
            }
            String detail = c.status() >= 400 ? JSON.readTree(r.body()).path("detail").asText()
                    : JSON.readTree(r.body()).path("error").path("message").asText();
            assertTrue(detail.contains(c.detail()), c.name() + ": expected '" + c.detail() + "' in '" + detail + "'");
            assertIntact();
        }));
    }

    private List<Case> cases() throws IOException {
        List<Case> cs = new ArrayList<>();
        // --- rule files sent to /validate by a viewer (the finding's caller)
        cs.add(validate("nested regex repetition (10^9 atoms)",
                rule("evt.type=execve and proc.name regex \"((a{1000}){1000}){1000}\""), 422,
                "line 3 column 51: regular expression too large"));
        cs.add(validate("regex repetition just over the bound",
                rule("proc.name regex \"(a{100}){101}\" and evt.type = execve"), 422, "10201 atoms"));
        cs.add(validate("regex syntax error", rule("evt.type = execve and proc.name regex \"(a\""), 422,
                "invalid regular expression"));
        cs.add(validate("macro bomb: 40 macros each doubling the one before", macroBomb(), 422,
                "macro 'm16' expands to 131071 terms"));
        cs.add(validate("list bomb: 40 lists each doubling the one before", listBomb(), 422,
                "list 'l16' expands to more than 100000 items"));
        cs.add(validate("cyclic alias in exception values", rule("evt.type = execve")
                + "  exceptions:\n  - name: e\n    fields: [proc.name]\n    values: &a [x, *a]\n", 422,
                "cycles are not allowed"));
        cs.add(validate("a 200,000-character scalar aliased five times", scalarAliases(200_000, 5), 422,
                "aliases repeat more than 1000000 characters"));
        cs.add(validate("1001 aliases of a short scalar", scalarAliases(1, 1001), 422,
                "more than 1000 uses of aliases"));
        cs.add(validate("40 aliases nesting 80 levels", deepAliases(40), 422, "nested more than 64 levels"));
        cs.add(validate("billion laughs of sequence aliases", laughs(), 422, "malformed YAML"));
        cs.add(validate("10,000 nested flow sequences", "- list: l\n  items: " + "[".repeat(10_000)
                + "]".repeat(10_000) + "\n", 422, "malformed YAML"));
        cs.add(validate("condition in 5,000 parentheses",
                rule("(".repeat(5000) + "evt.type = execve" + ")".repeat(5000)), 422, "condition nests deeper than"));
        cs.add(validate("3.5 million characters of comment (more than the YAML reader takes)",
                "#" + "x".repeat(3_500_000) + "\n- list: l\n  items: [a]\n", 422, "malformed YAML"));
        cs.add(new Case("a body over the 4 MB limit", "POST", "/api/v1/validate?mode=replace", "viewer", YAML,
                utf8("#" + "x".repeat(5 << 20)), 413, "takes at most"));
        cs.add(validate("control bytes", new String(new byte[] {0, 1, 2, 3, 27, 127}, StandardCharsets.ISO_8859_1),
                422, "malformed YAML"));
        cs.add(validate("a mapping, not a sequence of items", "rule: x\n", 422, "must be a YAML sequence"));
        cs.add(validate("unknown field", rule("evt.type = execve and proc.nosuchfield = 1"), 422, "proc.nosuchfield"));
        cs.add(validate("undefined macro", rule("evt.type = execve and no_such_macro"), 422,
                "undefined macro 'no_such_macro'"));
        // A dry-run import compiles in the same bounded check slots as /validate, off the event loop.
        cs.add(new Case("dry-run import of the macro bomb", "POST", "/api/v1/import?mode=replace&dryRun=true", "admin",
                YAML, utf8(macroBomb()), 422, "macro 'm16' expands to 131071 terms"));
        cs.add(new Case("dry-run import of the nested regex repetition", "POST", "/api/v1/import?mode=merge&dryRun=true",
                "admin", YAML, utf8(rule("evt.type=execve and proc.name regex \"((a{1000}){1000}){1000}\"")), 422,
                "regular expression too large"));
        cs.add(new Case("unknown mode", "POST", "/api/v1/validate?mode=bogus", "viewer", YAML, utf8(rule("evt.type = execve")),
                400, "mode must be merge or replace"));
        // --- /test, events written as field values
        cs.add(new Case("/test without events", "POST", "/api/v1/test", "viewer", JSON_TYPE, utf8("{}"), 400,
                "expected {\"events\""));
        cs.add(new Case("/test with events that are not objects", "POST", "/api/v1/test", "viewer", JSON_TYPE,
                utf8("{\"events\": [1, 2]}"), 400, "each event must be an object"));
        cs.add(new Case("/test with 10001 events", "POST", "/api/v1/test", "viewer", JSON_TYPE,
                utf8("{\"events\": [" + "{\"evt.type\": \"execve\"},".repeat(10_000) + "{}]}"), 422,
                "at most 10000 events"));
        cs.add(new Case("/test with a draft holding the regex bomb", "POST", "/api/v1/test", "viewer", JSON_TYPE,
                utf8(JSON.writeValueAsString(Map.of("mode", "replace", "events", List.of(Map.of("evt.type", "execve")),
                        "files", List.of(Map.of("name", "bomb.yaml", "content",
                                rule("evt.type=execve and proc.name regex \"((a{1000}){1000}){1000}\"")))))),
                422, "regular expression too large"));
        cs.add(new Case("/test with a draft holding the macro bomb", "POST", "/api/v1/test", "viewer", JSON_TYPE,
                utf8(JSON.writeValueAsString(Map.of("mode", "replace", "events", List.of(Map.of("evt.type", "execve")),
                        "files", List.of(Map.of("name", "bomb.yaml", "content", macroBomb()))))),
                422, "macro 'm16' expands to"));
        // --- capture files sent to /test/capture by an editor (the finding's caller)
        ByteBuffer h = ByteBuffer.allocate(42).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {'P', 'R', 'G', 'N', 'C', 'A', 'P', 0x1a}).putShort((short) 1).putShort((short) 0)
                .putInt(0x7fffffff);
        cs.add(capture("Peregrine header claiming 2 GiB", h.array(), 400,
                "corrupt Peregrine capture header: length 2147483647"));
        ByteBuffer shb = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        shb.putInt(0x0A0D0D0A).putInt(1 << 30).putInt(0x1A2B3C4D);
        cs.add(capture(".scap section header claiming 1 GiB", shb.array(), 400, "larger than the 33554432 bytes"));
        cs.add(capture(".scap block claiming 100 MiB after a valid header", withBlock(headerBlocks(scap), 0x204,
                100 << 20), 200, "larger than the 33554432 bytes"));
        cs.add(capture(".scap block claiming 4 GiB after a valid header", withBlock(headerBlocks(scap), 0x204, -1),
                200, "invalid length 4294967295"));
        cs.add(capture("Peregrine record claiming 2 GiB", withRecordLength(peregrine, 0x7fffffff), 200,
                "record length 2147483647"));
        cs.add(capture("gzip bomb: a Peregrine record of 200 MiB of zeros", gzipBomb(), 200,
                "larger than the 33554432 bytes"));
        cs.add(capture("gzip of 4 MiB of zeros", gzip(new byte[4 << 20]), 400, "not a capture file"));
        cs.add(capture("empty body", new byte[0], 400, "the body is empty"));
        cs.add(capture("text, not a capture", utf8("hello, this is not a capture"), 400, "not a capture file"));
        cs.add(capture("gzip magic then garbage", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, 400, "gzip"));
        cs.add(new Case("capture with maxMatches out of range", "POST", CAPTURE + "?maxMatches=-1", "editor", OCTETS,
                scap, 400, "maxMatches must be between"));
        return cs;
    }

    private static Case validate(String name, String yaml, int status, String detail) {
        return new Case(name, "POST", "/api/v1/validate?mode=replace", "viewer", YAML, utf8(yaml), status, detail);
    }

    private static Case capture(String name, byte[] body, int status, String detail) {
        return new Case(name, "POST", CAPTURE, "editor", OCTETS, body, status, detail);
    }

    static String rule(String condition) {
        return "- rule: r\n  desc: d\n  condition: '" + condition.replace("'", "''")
                + "'\n  output: o %proc.name\n  priority: INFO\n";
    }

    static String macroBomb() {
        StringBuilder y = new StringBuilder("- macro: m0\n  condition: proc.name = a\n");
        for (int i = 1; i <= 40; i++) {
            y.append("- macro: m").append(i).append("\n  condition: (m").append(i - 1).append(" or m").append(i - 1)
                    .append(")\n");
        }
        return y.append(rule("evt.type = execve and m40")).toString();
    }

    static String listBomb() {
        StringBuilder y = new StringBuilder("- list: l0\n  items: [a, b]\n");
        for (int i = 1; i <= 40; i++) {
            y.append("- list: l").append(i).append("\n  items: [l").append(i - 1).append(", l").append(i - 1)
                    .append("]\n");
        }
        return y.append(rule("evt.type = execve and proc.name in (l40)")).toString();
    }

    static String scalarAliases(int length, int uses) {
        StringBuilder y = new StringBuilder("- list: l\n  items: [&b ").append("a".repeat(length));
        for (int i = 0; i < uses; i++) {
            y.append(", *b");
        }
        return y.append("]\n").toString();
    }

    static String deepAliases(int levels) {
        StringBuilder y = new StringBuilder(rule("evt.type = execve")
                + "  exceptions:\n  - name: e\n    fields: [proc.name]\n    values:\n    - &a0 [x]\n");
        for (int i = 1; i <= levels; i++) {
            y.append("    - &a").append(i).append(" [[*a").append(i - 1).append("]]\n");
        }
        return y.toString();
    }

    static String laughs() {
        StringBuilder y = new StringBuilder("- list: l\n  items: [&x0 [a, a, a, a, a, a, a, a, a]");
        for (int i = 1; i < 10; i++) {
            y.append(", &x").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                y.append(j == 0 ? "" : ", ").append("*x").append(i - 1);
            }
            y.append("]");
        }
        return y.append("]\n").toString();
    }

    // ------------------------------------------------------------------ mutations

    static final String YAML_SEED = """
            - list: shells
              items: [bash, sh, zsh]
            - list: more_shells
              items: [shells, fish]
            - macro: spawned
              condition: evt.type = execve and evt.dir = <
            - macro: shell_proc
              condition: proc.name in (more_shells)
            - rule: Shell spawned
              desc: a shell started
              condition: spawned and shell_proc and not proc.pname regex "^(sshd|login){1,2}$"
              output: shell %proc.name by %user.name (%proc.cmdline)
              priority: WARNING
              tags: [shell]
              exceptions:
              - name: known
                fields: [proc.pname, user.name]
                values: [[cron, root], [systemd, root]]
            - rule: Tmp script written
              desc: a script in /tmp
              condition: evt.type in (open, openat) and fd.name startswith /tmp/ and fd.name glob "/tmp/*.sh"
              output: '%proc.name wrote %fd.name'
              priority: NOTICE
            """;

    static final String[] YAML_FRAGMENTS = {"&a ", "*a", "[&b x, *b]", "((a{1000}){1000}){1000}", "{1000}",
        " regex \"(x{999}){999}\"", " or ", " and not ", "(".repeat(120), ")", "macro", "list", "shells", "spawned",
        "\u0000", "\uffff", "é", "\t", "\n- rule: x\n", "!!binary ", "!!python/object:x ", "<<: *a", "? ", "%YAML 1.1\n",
        "---\n", "...\n", "'", "\"", "|\n", ">-\n", "{", "}", "[", "]", ": ", "- ", "\n  ", "append: true",
        "override: {condition: append}", "evt.type", "in (", "pmatch", "glob \"[\"", "0x", "-1", "99999999999999999999"};

    static final String YAML_CHARS = "[]{}()&*:-'\"|>!#%@\n \t,\\az09";

    @Test
    void mutatedRuleFilesGetAnAnswerOrAReason() throws Exception {
        Random rnd = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < MUTATIONS; i++) {
            String y = mutate(YAML_SEED, rnd);
            HttpResponse<String> r = send("POST", "/api/v1/validate?mode=replace", "viewer", YAML, utf8(y));
            statuses.merge(r.statusCode(), 1, Integer::sum);
            checkAnswer(r, "mutation " + i + " (seed " + SEED + ")", y, 200, 400, 422);
        }
        // A mutator whose every output is valid, or every output garbage, tests little.
        assertTrue(statuses.getOrDefault(200, 0) > 0 && statuses.getOrDefault(422, 0) > 0, statuses.toString());
        assertIntact();
    }

    static String mutate(String seed, Random rnd) {
        StringBuilder s = new StringBuilder(seed);
        int ops = 1 + rnd.nextInt(4);
        for (int k = 0; k < ops; k++) {
            int at = rnd.nextInt(s.length() + 1);
            switch (rnd.nextInt(6)) {
                case 0 -> {
                    if (at < s.length()) {
                        s.setCharAt(at, YAML_CHARS.charAt(rnd.nextInt(YAML_CHARS.length())));
                    }
                }
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + rnd.nextInt(20)));
                case 2 -> {
                    int end = Math.min(s.length(), at + 1 + rnd.nextInt(200));
                    String span = s.substring(at, end);
                    s.insert(rnd.nextInt(s.length() + 1), span);
                }
                case 3 -> s.insert(at, YAML_FRAGMENTS[rnd.nextInt(YAML_FRAGMENTS.length)]);
                case 4 -> {
                    List<String> lines = new ArrayList<>(List.of(s.toString().split("\n", -1)));
                    java.util.Collections.swap(lines, rnd.nextInt(lines.size()), rnd.nextInt(lines.size()));
                    s = new StringBuilder(String.join("\n", lines));
                }
                default -> {
                    List<String> lines = new ArrayList<>(List.of(s.toString().split("\n", -1)));
                    int l = rnd.nextInt(lines.size());
                    for (int n = rnd.nextInt(50); n > 0; n--) {
                        lines.add(l, lines.get(l));
                    }
                    s = new StringBuilder(String.join("\n", lines));
                }
            }
        }
        return s.toString();
    }

    @Test
    void mutatedCapturesGetAResultOrAReason() throws Exception {
        Random rnd = new Random(SEED ^ 0x5ca9);
        List<Integer> scapLengths = scapLengthFields(scap);
        List<Integer> peregrineLengths = peregrineLengthFields(peregrine);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < MUTATIONS; i++) {
            boolean isScap = rnd.nextBoolean();
            byte[] b = mutate(isScap ? scap : peregrine, isScap ? scapLengths : peregrineLengths, rnd);
            if (rnd.nextInt(4) == 0) {
                b = gzip(b);
            }
            HttpResponse<String> r = send("POST", CAPTURE, "editor", OCTETS, b);
            statuses.merge(r.statusCode(), 1, Integer::sum);
            checkAnswer(r, "capture mutation " + i + " (seed " + SEED + ", " + (isScap ? "scap" : "peregrine") + ")",
                    null, 200, 400);
        }
        assertTrue(statuses.getOrDefault(200, 0) > 0 && statuses.getOrDefault(400, 0) > 0, statuses.toString());
        assertIntact();
    }

    static byte[] mutate(byte[] seed, List<Integer> lengthFields, Random rnd) {
        byte[] b = seed.clone();
        int ops = 1 + rnd.nextInt(3);
        for (int k = 0; k < ops; k++) {
            switch (rnd.nextInt(5)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                }
                case 1 -> {
                    // A length field (or any four bytes) set to a value a reader must not trust.
                    int[] values = {0, 1, 11, 12, 26, 0x7fffffff, -1, 0x80000000, 1 << 30, (1 << 25) + 1,
                        rnd.nextInt()};
                    int at = !lengthFields.isEmpty() && rnd.nextBoolean()
                            ? lengthFields.get(rnd.nextInt(lengthFields.size())) : rnd.nextInt(Math.max(1, b.length - 4));
                    if (at + 4 <= b.length) {
                        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, values[rnd.nextInt(values.length)]);
                    }
                }
                case 2 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
                case 3 -> {
                    int from = rnd.nextInt(b.length + 1);
                    int to = Math.min(b.length, from + rnd.nextInt(4096));
                    int at = rnd.nextInt(b.length + 1);
                    ByteArrayOutputStream o = new ByteArrayOutputStream();
                    o.write(b, 0, at);
                    o.write(b, from, to - from);
                    o.write(b, at, b.length - at);
                    b = o.toByteArray();
                }
                default -> {
                    byte[] junk = new byte[1 + rnd.nextInt(64)];
                    rnd.nextBytes(junk);
                    int at = rnd.nextInt(b.length + 1);
                    ByteArrayOutputStream o = new ByteArrayOutputStream();
                    o.write(b, 0, at);
                    o.write(junk, 0, junk.length);
                    o.write(b, at, b.length - at);
                    b = o.toByteArray();
                }
            }
        }
        return b;
    }

    /** A 200 whose body is a result, or a 4xx problem document that says why; anything else fails. */
    private void checkAnswer(HttpResponse<String> r, String what, String input, int... allowed) throws IOException {
        svc.checkStatus(r, what, input, allowed);
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() >= 400) {
            assertTrue(!body.path("detail").asText().isBlank(), what + ": no reason in " + r.body());
        }
    }

    // ------------------------------------------------------------------ the service afterwards

    /** Same process, alive, ready, the same ruleset in force. */
    private void assertIntact() throws IOException, InterruptedException {
        svc.assertSameProcess();
        assertEquals(version, JSON.readTree(get("/api/v1/ruleset").body()).path("version").asLong());
        assertEquals(export, get("/api/v1/export").body());
    }

    // ------------------------------------------------------------------ HTTP

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return svc.get(path, "viewer");
    }

    private HttpResponse<String> send(String method, String path, String role, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return svc.send(method, path, role, contentType, body);
    }

    // ------------------------------------------------------------------ captures

    /** The first blocks of a real .scap: its header, machine and list blocks and 200 events. */
    static byte[] smallScap() throws IOException {
        String env = System.getenv("PEREGRINE_SHARED");
        Path shared = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("peregrine.repo", ".."),
                "..", "shared");
        Path f = shared.resolve("fixtures/scap/open-multiple-files.scap");
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("fixture not found at " + f.toAbsolutePath() + " (set PEREGRINE_SHARED)");
        }
        byte[] all;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            all = in.readAllBytes();
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        int events = 0;
        while (at + 8 <= all.length && events < 200) {
            int type = b.getInt(at);
            if (type == 0x204 || type == 0x216 || type == 0x208 || type == 0x217) {
                events++;
            }
            at += b.getInt(at + 4);
        }
        return java.util.Arrays.copyOf(all, at);
    }

    /** The same events as a Peregrine capture file. */
    static byte[] asPeregrine(byte[] scap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CaptureFileWriter w = new CaptureFileWriter(out, CaptureHeader.of(UUID.randomUUID(), 1L, "hostile"));
             ScapReader r = ScapReader.of(new ByteArrayInputStream(scap))) {
            r.drain(ev -> {
                try {
                    w.write(ev);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out.toByteArray();
    }

    static List<Integer> scapLengthFields(byte[] scap) {
        List<Integer> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(scap).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 8 <= scap.length; at += b.getInt(at + 4)) {
            out.add(at + 4);
            out.add(at + b.getInt(at + 4) - 4);
        }
        return out;
    }

    static List<Integer> peregrineLengthFields(byte[] cap) {
        List<Integer> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(cap).order(ByteOrder.LITTLE_ENDIAN);
        out.add(12);
        for (int at = b.getInt(12); at + 26 <= cap.length; at += b.getInt(at + 16)) {
            out.add(at + 16);
        }
        return out;
    }

    /** The section header and the blocks up to the first event block. */
    static byte[] headerBlocks(byte[] scap) {
        ByteBuffer b = ByteBuffer.wrap(scap).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        while (at + 8 <= scap.length) {
            int type = b.getInt(at);
            if (type == 0x204 || type == 0x216 || type == 0x208 || type == 0x217) {
                break;
            }
            at += b.getInt(at + 4);
        }
        return java.util.Arrays.copyOf(scap, at);
    }

    /** {@code head}, then a block header claiming {@code length} bytes, then 64 bytes only. */
    static byte[] withBlock(byte[] head, int type, int length) {
        ByteBuffer b = ByteBuffer.allocate(head.length + 8 + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(head).putInt(type).putInt(length);
        return b.array();
    }

    /** The capture with its first record's length set to {@code length}. */
    static byte[] withRecordLength(byte[] cap, int length) {
        byte[] b = cap.clone();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(bb.getInt(12) + 16, length);
        return b;
    }

    /** A Peregrine header and one record claiming 200 MiB, which 200 MiB of zeros follow, gzipped (~200 KB). */
    static byte[] gzipBomb() throws IOException {
        ByteBuffer h = ByteBuffer.allocate(42 + 7).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {'P', 'R', 'G', 'N', 'C', 'A', 'P', 0x1a}).putShort((short) 1).putShort((short) 0)
                .putInt(42 + 7).putLong(1).putLong(2).putLong(3).putShort((short) 7).put(utf8("hostile"));
        ByteBuffer rec = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        rec.putLong(1).putLong(2).putInt(200 << 20).putShort((short) 293).putInt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(h.array());
            gz.write(rec.array());
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                gz.write(zeros);
            }
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
