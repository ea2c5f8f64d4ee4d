package io.peregrine.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamInfo;
import io.peregrine.protocol.Subjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Three nodes on a three-server NATS cluster (JetStream replicas 3), two rules-svc and two
 * notify-svc replicas, every service a process from its packaged application. Node 1 captures live;
 * what it captured for {@link #RECORD_SECONDS} is recorded through its capture-svc's recording API,
 * and nodes 2 and 3 replay that file at its original pace (capture-svc's own replay source). In the
 * middle of the replays one NATS server and one rules-svc replica are killed (SIGKILL).
 *
 * <p>Asserted: each state-svc follows its own node alone; the replayed nodes raise exactly the
 * alerts rules-svc's capture trial computes for the file; every alert stored in JetStream reaches
 * the webhook and Slack exactly once (by uuid) with the hostname of its node; every action on the
 * live node raises its alert. Measured and printed, not asserted: CPU per service with one node and
 * with three (docs/benchmarks.md, "Many nodes").
 */
@Disabled("finds a loss not fixed yet: in CI (2026-12-07) the replayed nodes raised 66 and 67 of the trial's 90 alerts"
        + " when the killed NATS server led PEREGRINE_EVENTS, with state-svc reporting no loss; it passed when the killed"
        + " server led the alerts stream instead. See docs/operations.md, \"Many nodes\". Run it with"
        + " -Djunit.jupiter.conditions.deactivate='org.junit.*DisabledCondition'.")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiNodeTest {

    static final int RECORD_SECONDS = 20;
    /** Replay pace: the recorded timestamps, so each replaying node carries what the live node did. */
    static final String REPLAY_SPEED = "1";
    /** The three-node CPU window, taken before anything is killed. */
    static final int MEASURE_SECONDS = 6;
    /** Generous: ten JVMs start on a shared two-core CI machine, where one start-up took over 140 s under load. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    static final Duration WARM_UP = Duration.ofSeconds(90);
    /** Upper bound for the replays to finish and every stored alert to be delivered; not a measurement. */
    static final Duration DRAIN = Duration.ofSeconds(90);
    static final String LOSS_RULE = "Peregrine internal: event loss";
    /** Servers by index in the cluster; the one killed is {@link #VICTIM}. */
    static final int VICTIM = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private String run;
    private Path dir;
    private Path logs;
    private NatsCluster cluster;
    private AlertReceiver slack;
    private AlertReceiver webhook;
    /** The first stream sequence stored after the outputs were in force on both notify-svc replicas. */
    private long firstDelivered;
    private TokenIssuer tokens;
    private HostActions actions;
    private Connection nats;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> envs = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String[] nodes;

    @BeforeAll
    void start() throws Exception {
        assertEquals("0", new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim(),
                "node 1 captures live with eBPF and the actions act as root: run as root (./peregrine test does in CI)");
        run = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
        dir = Files.createTempDirectory("peregrine-multinode-" + run + "-");
        logs = Path.of(System.getProperty("peregrine.e2e.logs", "target/e2e-logs")).resolve("multinode");
        Files.createDirectories(logs);
        nodes = new String[]{"mn-" + run + "-1", "mn-" + run + "-2", "mn-" + run + "-3"};
        note("run " + run + ", nodes " + String.join(", ", nodes) + ", work in " + dir);
        cluster = new NatsCluster(run, 3, dir, logs);
        cluster.start(Duration.ofSeconds(60));
        note("NATS cluster up: " + cluster.urls(0, 1, 2));
        nats = Nats.connect(new Options.Builder().servers(cluster.urls(0, 1).split(",")).maxReconnects(-1).build());
        slack = new AlertReceiver(AlertReceiver.Kind.SLACK);
        webhook = new AlertReceiver(AlertReceiver.Kind.WEBHOOK);
        tokens = new TokenIssuer(dir);

        // The per-node services use the two servers that survive: raw frames ride core NATS, where a
        // dying server's frames in flight are loss that is reported, not prevented (docs/architecture.md),
        // and this test asserts that no alert is lost. The shared replicas each start on one server;
        // the second of each on the one that dies, so it must move to a server it learnt from the cluster.
        define("capture-svc", "capture-1", cluster.urls(0, 1), Map.of("PEREGRINE_CAPTURE_NODE", nodes[0],
                "PEREGRINE_CAPTURE_RECORDINGS_DIR", dir.resolve("recordings").toString()));
        define("state-svc", "state-1", cluster.urls(0, 1), Map.of("PEREGRINE_STATE_NODE", nodes[0]));
        define("rules-svc", "rules-a", cluster.urls(0), Map.of());
        define("rules-svc", "rules-b", cluster.urls(VICTIM), Map.of());
        define("notify-svc", "notify-a", cluster.urls(1), Map.of());
        define("notify-svc", "notify-b", cluster.urls(VICTIM), Map.of());
        Instant t0 = Instant.now();
        for (ServiceProcess p : services.values()) {
            p.start();
        }
        for (ServiceProcess p : services.values()) {
            p.awaitReady(START_TIMEOUT);
        }
        note("six services ready in " + Duration.between(t0, Instant.now()).toMillis() + " ms");
        loadDefaultRules();
        configureOutputs();
        // Alerts stored before both replicas list the outputs went to the terminal alone (node 1 captures
        // live from its start, and the test's own set-up raises alerts): only later ones must reach both.
        firstDelivered = nats.jetStreamManagement().getStreamInfo(Subjects.ALERTS_STREAM).getStreamState().getLastSequence() + 1;
        note("alerts from stream sequence " + firstDelivered + " on must reach both outputs");
        actions = new HostActions(run, dir.resolve("work"));
        warmUp();
    }

    /**
     * One service process: {@code kind} names the packaged application, {@code id} the process. Every
     * service creates missing streams and the KV bucket with three replicas. Throttling is off so that
     * the replayed nodes raise exactly what the capture trial (which never throttles) computes.
     */
    private void define(String kind, String id, String natsUrl, Map<String, String> extra) throws IOException {
        Map<String, String> e = new HashMap<>();
        e.put("PEREGRINE_NATS_URL", natsUrl);
        e.put("PEREGRINE_NATS_REPLICAS", "3");
        e.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", tokens.publicKeyPem.toString());
        e.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        e.put("PEREGRINE_DB_HOST", env("PEREGRINE_DB_HOST", "127.0.0.1"));
        e.put("PEREGRINE_DB_PORT", env("PEREGRINE_DB_PORT", "5432"));
        e.put("PEREGRINE_DB_NAME", env("PEREGRINE_DB_NAME", "peregrine"));
        e.put("PEREGRINE_DB_USER", env("PEREGRINE_DB_USER", "peregrine"));
        e.put("PEREGRINE_DB_PASSWORD", env("PEREGRINE_DB_PASSWORD", "peregrine"));
        e.put("PEREGRINE_RULES_THROTTLE_RATE", "0");
        // Ten JVMs start on a shared CI machine: the default 5 s for a first database connection
        // was too short under load (Flyway failed rules-svc and notify-svc at start-up).
        e.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
        e.put("PEREGRINE_NOTIFY_DURABLE", "mn-" + run);
        e.put("PEREGRINE_NOTIFY_TERMINAL_FILE", dir.resolve(id + "-terminal.log").toString());
        int port = freePort();
        e.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        e.putAll(extra);
        envs.put(id, e);
        Path jar = Path.of(System.getProperty("peregrine.e2e.apps", "..")).resolve(kind).resolve("target/quarkus-app/quarkus-run.jar");
        services.put(id, new ServiceProcess(id, jar, port, e, logs.resolve(id + ".log")));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (actions != null) {
            actions.close();
        }
        // The database outlives the run: outputs pointing at receivers about to close must go.
        ServiceProcess notify = services.values().stream().filter(p -> p.name.startsWith("notify") && p.alive()).findFirst().orElse(null);
        if (notify != null) {
            for (String output : List.of("mn-slack-" + run, "mn-webhook-" + run)) {
                try {
                    call(notify, "DELETE", "/api/v1/outputs/" + output, null, null);
                } catch (Exception e) {
                    note("output " + output + " not removed: " + e);
                }
            }
        }
        List<ServiceProcess> reverse = new ArrayList<>(services.values());
        java.util.Collections.reverse(reverse);
        for (ServiceProcess p : reverse) {
            p.stop();
        }
        if (nats != null) {
            nats.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (webhook != null) {
            webhook.close();
        }
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void loadDefaultRules() throws Exception {
        Path file = Path.of(System.getProperty("peregrine.repo", "..")).resolve("rules-svc/src/main/resources/rules/peregrine_rules.yaml");
        callOk(services.get("rules-a"), "POST", "/api/v1/import?mode=replace&name=peregrine_rules.yaml", "application/yaml",
                Files.readString(file));
        JsonNode summary = JSON.readTree(callOk(services.get("rules-a"), "GET", "/api/v1/ruleset", null, null).body());
        assertTrue(summary.path("enabledRules").asInt() >= 15, "the default rules are not in force: " + summary);
    }

    private void configureOutputs() throws Exception {
        ServiceProcess n = services.get("notify-a");
        callOk(n, "POST", "/api/v1/outputs", "application/json",
                "{\"name\":\"mn-slack-" + run + "\",\"type\":\"slack\",\"url\":\"" + slack.url() + "\"}");
        callOk(n, "POST", "/api/v1/outputs", "application/json",
                "{\"name\":\"mn-webhook-" + run + "\",\"type\":\"webhook\",\"url\":\"" + webhook.url() + "\"}");
        // Both replicas deliver: each must list the outputs (the other learns them by broadcast).
        for (String id : List.of("notify-a", "notify-b")) {
            Instant deadline = Instant.now().plusSeconds(30);
            String list;
            do {
                list = callOk(services.get(id), "GET", "/api/v1/outputs", null, null).body();
                if (list.contains("mn-slack-" + run) && list.contains("mn-webhook-" + run)) {
                    break;
                }
                Thread.sleep(200);
            } while (Instant.now().isBefore(deadline));
            assertTrue(list.contains("mn-webhook-" + run), id + " does not list the outputs: " + list);
        }
    }

    /** Repeats one action on the live node until its alert reaches both receivers (an upper bound, not a measurement). */
    private void warmUp() throws Exception {
        Instant t0 = Instant.now();
        Instant deadline = t0.plus(WARM_UP);
        while (Instant.now().isBefore(deadline)) {
            HostAction a = actions.readShadow();
            actions.perform(a);
            Instant until = Instant.now().plusSeconds(3);
            while (Instant.now().isBefore(until)) {
                if (!arrived(webhook, a, nodes[0]).isEmpty() && !arrived(slack, a, nodes[0]).isEmpty()) {
                    note("pipeline alive after " + Duration.between(t0, Instant.now()).toMillis() + " ms");
                    return;
                }
                Thread.sleep(100);
            }
        }
        fail("no alert for 'cat /etc/shadow' on " + nodes[0] + " reached both receivers within " + WARM_UP.toSeconds() + " s"
                + tails(40));
    }

    // ------------------------------------------------------------------ the scenario

    @Test
    void threeNodesTwoReplicasEachAlertOnceThroughALostServerAndReplica() throws Exception {
        // ---- one node: live capture, recorded
        List<HostAction> performed = new CopyOnWriteArrayList<>();
        AtomicBoolean acting = new AtomicBoolean(true);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        ServiceProcess capture1 = services.get("capture-1");
        JsonNode rec = JSON.readTree(callOk(capture1, "POST", "/api/v1/capture/recordings", "application/json",
                "{\"format\":\"peregrine\",\"seconds\":" + RECORD_SECONDS + "}").body());
        Snapshot s0 = snapshot();
        Thread load = Thread.ofPlatform().name("mn-actions").start(() -> {
            try {
                // Every kind of action once (their alerts are in the recording), then two kinds in turn.
                for (HostAction a : actions.all()) {
                    actions.perform(a);
                    performed.add(a);
                }
                for (int i = 0; acting.get(); i++) {
                    HostAction a = i % 2 == 0 ? actions.readShadow() : actions.writeBelowEtc();
                    actions.perform(a);
                    performed.add(a);
                    Thread.sleep(250);
                }
            } catch (Exception e) {
                errors.add(e);
            }
        });
        Instant recordingDeadline = Instant.now().plusSeconds(RECORD_SECONDS + 30);
        while ("RECORDING".equals(rec.path("state").asText()) && Instant.now().isBefore(recordingDeadline)) {
            Thread.sleep(250);
            rec = JSON.readTree(callOk(capture1, "GET", "/api/v1/capture/recordings/" + rec.path("id").asText(), null, null).body());
        }
        Snapshot s1 = snapshot();
        assertFalse("RECORDING".equals(rec.path("state").asText()), "the recording did not end: " + rec);
        assertTrue(rec.path("error").isNull() || rec.path("error").isMissingNode(), "the recording failed: " + rec);
        Path file = dir.resolve("recordings").resolve(rec.path("file").asText());
        note("recorded " + rec.path("events") + " events of " + nodes[0] + " in " + file.getFileName() + " ("
                + Files.size(file) + " bytes)");

        // What the file must raise, per the rules in force (no throttling, like this run).
        JsonNode trial = JSON.readTree(callBytes(services.get("rules-a"), "/api/v1/test/capture?maxMatches=10000", Files.readAllBytes(file)));
        assertFalse(trial.path("truncated").asBoolean(), "the capture trial truncated its matches: " + trial.path("counts"));
        Map<String, Integer> expected = new TreeMap<>();
        for (JsonNode m : trial.path("matches")) {
            expected.merge(m.path("rule").asText() + " @ " + instant(m.path("time").asText()), 1, Integer::sum);
        }
        note("the trial of the recording: " + trial.path("counts") + ", by rule "
                + count(trial.path("matches"), m -> m.path("rule").asText()));
        assertFalse(expected.isEmpty(), "the recording raises no alert: the replays would assert nothing\n" + trial);

        // ---- three nodes: 2 and 3 replay the recording, each state-svc first so that no frame is missed
        for (int n = 2; n <= 3; n++) {
            // The host's /proc is not the replayed node's: a resync would remove its processes.
            define("state-svc", "state-" + n, cluster.urls(0, 1), Map.of("PEREGRINE_STATE_NODE", nodes[n - 1],
                    "PEREGRINE_STATE_RESYNC_INTERVAL_SECONDS", "0"));
            services.get("state-" + n).start();
        }
        services.get("state-2").awaitReady(START_TIMEOUT);
        services.get("state-3").awaitReady(START_TIMEOUT);
        for (int n = 2; n <= 3; n++) {
            define("capture-svc", "capture-" + n, cluster.urls(0, 1), Map.of("PEREGRINE_CAPTURE_NODE", nodes[n - 1],
                    "PEREGRINE_CAPTURE_SOURCE", file.toString(), "PEREGRINE_CAPTURE_SPEED", REPLAY_SPEED,
                    "PEREGRINE_CAPTURE_RECORDINGS_DIR", dir.resolve("recordings-" + n).toString()));
            services.get("capture-" + n).start();
        }
        services.get("capture-2").awaitReady(START_TIMEOUT);
        services.get("capture-3").awaitReady(START_TIMEOUT);
        Snapshot s2 = snapshot();
        Thread.sleep(MEASURE_SECONDS * 1000L);
        Snapshot s3 = snapshot();

        String victim = cluster.server(VICTIM).name;
        String leaders = streamLeaders();
        cluster.kill(VICTIM);
        note("killed NATS server " + victim + " (stream leaders before: " + leaders + ")");
        Thread.sleep(2000);
        services.get("rules-a").kill();
        note("killed rules-a; rules-b, which was connected to " + victim + ", is the one left");

        // ---- drain: the replays end, every stored alert is delivered
        Instant deadline = Instant.now().plus(DRAIN);
        Map<String, Integer> got2 = Map.of();
        Map<String, Integer> got3 = Map.of();
        while (Instant.now().isBefore(deadline)) {
            got2 = byRuleAndTime(nodes[1]);
            got3 = byRuleAndTime(nodes[2]);
            if (got2.equals(expected) && got3.equals(expected)) {
                break;
            }
            Thread.sleep(250);
        }
        acting.set(false);
        load.join();
        assertTrue(errors.isEmpty(), "actions failed: " + errors);
        Map<String, JsonNode> stored = Map.of();
        String drained = "not looked at";
        // Its own bound: replays that fell short must not leave the stored alerts unread (and every
        // delivered one reported as not held by JetStream).
        deadline = Instant.now().plus(DRAIN);
        do {
            ConsumerInfo ci = nats.jetStreamManagement().getConsumerInfo(Subjects.ALERTS_STREAM, "mn-" + run);
            stored = storedAlerts();
            Map<String, JsonNode> st = stored;
            long missingHook = st.entrySet().stream().filter(e -> mustArrive(e.getValue()) && count(webhook, e.getKey()) == 0).count();
            long missingSlack = st.entrySet().stream().filter(e -> mustArrive(e.getValue()) && count(slack, e.getKey()) == 0).count();
            drained = "pending " + ci.getNumPending() + ", unacknowledged " + ci.getNumAckPending() + ", stored " + st.size()
                    + ", not yet at the webhook " + missingHook + ", not yet at Slack " + missingSlack;
            if (ci.getNumPending() == 0 && ci.getNumAckPending() == 0 && missingHook == 0 && missingSlack == 0) {
                break;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        note("drained: " + drained + "; " + redeliveries());

        // ---- each state-svc followed its own node alone
        List<String> failures = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            JsonNode st = JSON.readTree(callOk(services.get("state-" + n), "GET", "/api/v1/state", null, null).body());
            note("state-" + n + ": node " + st.path("node").asText() + ", events " + st.path("events") + ", frames "
                    + st.path("frames") + ", lost " + st.path("lostEvents") + ", nodes seen " + st.path("nodes").properties().stream()
                    .map(Map.Entry::getKey).toList());
            List<String> seen = st.path("nodes").properties().stream().map(Map.Entry::getKey).toList();
            if (!nodes[n - 1].equals(st.path("node").asText()) || !List.of(nodes[n - 1]).equals(seen)
                    || st.path("refusedFrames").asLong() != 0) {
                failures.add("state-" + n + " did not follow " + nodes[n - 1] + " alone: " + st);
            }
            if (n > 1 && st.path("lostEvents").asLong() != 0) {
                failures.add("state-" + n + " lost events of a replay, which never drops: " + st);
            }
        }

        // ---- the replays raised exactly what the trial computed, each alert once
        for (int n = 2; n <= 3; n++) {
            Map<String, Integer> got = n == 2 ? got2 : got3;
            if (!got.equals(expected)) {
                failures.add(nodes[n - 1] + " raised at the webhook " + got.values().stream().mapToInt(i -> i).sum()
                        + " alerts, the trial " + expected.values().stream().mapToInt(i -> i).sum() + "; missing "
                        + difference(expected, got) + ", extra " + difference(got, expected));
            }
        }

        // ---- every stored alert once at each output, with its node's hostname
        List<String> hostnames = List.of(nodes);
        Map<String, Long> hookCounts = webhook.all().stream().collect(Collectors.groupingBy(r -> String.valueOf(r.uuid()), Collectors.counting()));
        Map<String, Long> slackCounts = slack.all().stream().collect(Collectors.groupingBy(r -> String.valueOf(r.uuid()), Collectors.counting()));
        for (Map.Entry<String, JsonNode> e : stored.entrySet()) {
            String uuid = e.getKey();
            String host = e.getValue().path("hostname").asText();
            long h = hookCounts.getOrDefault(uuid, 0L);
            long s = slackCounts.getOrDefault(uuid, 0L);
            if (mustArrive(e.getValue()) ? h != 1 || s != 1 : h > 1 || s > 1) {
                failures.add("alert " + uuid + " (" + e.getValue().path("rule").asText() + " on " + host + ", event time "
                        + e.getValue().path("time").asText() + ") reached the webhook " + h + " time(s), Slack " + s + " time(s)");
            }
            if (!hostnames.contains(host)) {
                failures.add("alert " + uuid + " has hostname " + host + ", not one of the nodes");
            }
        }
        for (AlertReceiver.Received r : webhook.all()) {
            JsonNode st = stored.get(r.uuid());
            if (st == null) {
                failures.add("the webhook got " + r.uuid() + " (" + r.rule() + "), which JetStream does not hold");
            } else if (!st.path("hostname").asText().equals(r.hostname())) {
                failures.add("the webhook got " + r.uuid() + " with hostname " + r.hostname() + ", stored with " + st.path("hostname"));
            }
        }
        for (AlertReceiver.Received r : slack.all()) {
            JsonNode st = stored.get(r.uuid());
            if (st != null && !st.path("hostname").asText().equals(r.hostname())) {
                failures.add("Slack got " + r.uuid() + " with hostname " + r.hostname() + ", stored with " + st.path("hostname"));
            }
        }
        if (!slack.problems().isEmpty() || !webhook.problems().isEmpty()) {
            failures.add("unreadable requests: " + slack.problems() + webhook.problems());
        }

        // ---- every live action raised its alert on node 1
        List<String> missed = new ArrayList<>();
        for (HostAction a : performed) {
            if (arrived(webhook, a, nodes[0]).isEmpty()) {
                missed.add(a.name() + " [" + a.marker() + "] " + a.rule());
            }
        }
        if (!missed.isEmpty()) {
            failures.add(missed.size() + " of " + performed.size() + " actions on " + nodes[0] + " without their alert: " + missed);
        }
        note(performed.size() + " actions on " + nodes[0] + "; " + stored.size() + " alerts stored, by node "
                + count(stored.values(), n -> n.path("hostname").asText()) + "; loss alerts "
                + count(stored.values().stream().filter(n -> LOSS_RULE.equals(n.path("rule").asText())).toList(),
                n -> n.path("hostname").asText()));

        cpuReport(s0, s1, s2, s3);
        if (!failures.isEmpty()) {
            fail(failures.size() + " problem(s):\n  " + String.join("\n  ", failures.stream()
                    .map(f -> f.length() > 2000 ? f.substring(0, 2000) + "..." : f).toList()) + tails(40));
        }
        assertTrue(performed.size() >= 20, "too few actions ran: " + performed.size());
    }

    // ------------------------------------------------------------------ CPU

    /** CPU ticks of every running process (services and NATS servers) and each state-svc's event count, at one moment. */
    private record Snapshot(Instant at, Map<String, Long> ticks, Map<String, Long> events) {
    }

    private Snapshot snapshot() throws Exception {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> events = new LinkedHashMap<>();
        for (ServiceProcess p : services.values()) {
            if (p.alive()) {
                ticks.put(p.name, ticks(p.pid()));
                if (p.name.startsWith("state-")) {
                    events.put(p.name, JSON.readTree(callOk(p, "GET", "/api/v1/state", null, null).body()).path("events").asLong());
                }
            }
        }
        for (NatsCluster.Server s : cluster.servers()) {
            if (s.pid() > 0) {
                ticks.put("nats-" + s.name, ticks(s.pid()));
            }
        }
        return new Snapshot(Instant.now(), ticks, events);
    }

    /** utime + stime of a process, in clock ticks (100 per second on Linux x86-64). */
    private static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static Map<String, Double> cpuPercent(Snapshot a, Snapshot b) {
        double secs = Duration.between(a.at, b.at).toMillis() / 1000.0;
        Map<String, Double> out = new LinkedHashMap<>();
        b.ticks.forEach((k, v) -> {
            if (a.ticks.containsKey(k)) {
                out.put(k, (v - a.ticks.get(k)) / secs);
            }
        });
        return out;
    }

    private static Map<String, Double> eventRates(Snapshot a, Snapshot b) {
        double secs = Duration.between(a.at, b.at).toMillis() / 1000.0;
        Map<String, Double> out = new LinkedHashMap<>();
        b.events.forEach((k, v) -> {
            if (a.events.containsKey(k)) {
                out.put(k, (v - a.events.get(k)) / secs);
            }
        });
        return out;
    }

    /** Prints CPU % of one core per service with one node (the recording) and three (the replays); docs/benchmarks.md. */
    private void cpuReport(Snapshot s0, Snapshot s1, Snapshot s2, Snapshot s3) {
        Map<String, Double> one = cpuPercent(s0, s1);
        Map<String, Double> three = cpuPercent(s2, s3);
        StringBuilder b = new StringBuilder("CPU, % of one core (one node: " + Duration.between(s0.at, s1.at).toSeconds()
                + " s of recording; three nodes: " + Duration.between(s2.at, s3.at).toSeconds() + " s of replays)\n");
        b.append(String.format("  %-10s %9s %9s%n", "process", "1 node", "3 nodes"));
        for (String k : three.keySet()) {
            b.append(String.format("  %-10s %9s %9.1f%n", k, one.containsKey(k) ? String.format("%.1f", one.get(k)) : "-", three.get(k)));
        }
        b.append("  events/s per state-svc, 1 node: ").append(format(eventRates(s0, s1))).append(", 3 nodes: ")
                .append(format(eventRates(s2, s3))).append('\n');
        double rules1 = sum(one, "rules-"), rules3 = sum(three, "rules-");
        double notify1 = sum(one, "notify-"), notify3 = sum(three, "notify-");
        double nats1 = sum(one, "nats-"), nats3 = sum(three, "nats-");
        double node1 = sum(one, "capture-") + sum(one, "state-");
        double node3 = sum(three, "capture-") + sum(three, "state-");
        b.append(String.format("  per node: capture+state %.1f -> %.1f, rules-svc (2 replicas) %.1f -> %.1f, notify-svc %.1f -> %.1f,"
                        + " NATS %.1f -> %.1f", node1, node3 / 3, rules1, rules3 / 3, notify1, notify3 / 3, nats1, nats3 / 3));
        note(b.toString());
    }

    private static double sum(Map<String, Double> m, String prefix) {
        return m.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(Map.Entry::getValue).sum();
    }

    private static String format(Map<String, Double> m) {
        return m.entrySet().stream().map(e -> e.getKey() + " " + Math.round(e.getValue())).collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ JetStream and receivers

    /** Every alert PEREGRINE_ALERTS holds, by uuid; a uuid stored twice is a failure of de-duplication. */
    private boolean mustArrive(JsonNode stored) {
        return stored.path(SEQ).asLong() >= firstDelivered;
    }

    /** Where {@link #storedAlerts()} notes each alert's stream sequence. */
    private static final String SEQ = "_stream_sequence";

    private Map<String, JsonNode> storedAlerts() throws Exception {
        JetStreamManagement jsm = nats.jetStreamManagement();
        StreamInfo si = jsm.getStreamInfo(Subjects.ALERTS_STREAM);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (long seq = si.getStreamState().getFirstSequence(); seq <= si.getStreamState().getLastSequence(); seq++) {
            MessageInfo m = jsm.getMessage(Subjects.ALERTS_STREAM, seq);
            JsonNode n = JSON.readTree(m.getData());
            ((com.fasterxml.jackson.databind.node.ObjectNode) n).put(SEQ, seq);
            JsonNode before = out.put(n.path("uuid").asText(), n);
            if (before != null) {
                fail("PEREGRINE_ALERTS holds alert " + n.path("uuid").asText() + " twice (sequence " + seq + ")");
            }
        }
        return out;
    }

    /** Redeliveries by the notify consumer: an alert handed out max-deliver times without an ack is no longer pending. */
    private String redeliveries() {
        try {
            ConsumerInfo ci = nats.jetStreamManagement().getConsumerInfo(Subjects.ALERTS_STREAM, "mn-" + run);
            return "consumer delivered up to stream sequence " + ci.getDelivered().getStreamSequence() + ", acknowledged up to "
                    + ci.getAckFloor().getStreamSequence() + ", redelivered now " + ci.getRedelivered();
        } catch (Exception e) {
            return "consumer info unavailable: " + e.getMessage();
        }
    }

    private String streamLeaders() {
        List<String> out = new ArrayList<>();
        for (String stream : List.of(Subjects.EVENTS_STREAM, Subjects.ALERTS_STREAM)) {
            try {
                out.add(stream + " " + nats.jetStreamManagement().getStreamInfo(stream).getClusterInfo().getLeader());
            } catch (Exception e) {
                out.add(stream + " ?" + e.getMessage());
            }
        }
        return String.join(", ", out);
    }

    /** The webhook's alerts of a node, each counted as "rule @ event time" (the trial's terms); loss alerts included. */
    private Map<String, Integer> byRuleAndTime(String node) {
        Map<String, Integer> m = new TreeMap<>();
        for (AlertReceiver.Received r : webhook.matching(x -> node.equals(x.hostname()))) {
            m.merge(r.rule() + " @ " + instant(r.body().path("time").asText()), 1, Integer::sum);
        }
        return m;
    }

    /** One spelling for both sides: the trial and the alert may write the same instant differently. */
    private static String instant(String text) {
        try {
            return Instant.parse(text).toString();
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static String difference(Map<String, Integer> a, Map<String, Integer> b) {
        List<String> out = new ArrayList<>();
        a.forEach((k, v) -> {
            int d = v - b.getOrDefault(k, 0);
            if (d > 0) {
                out.add(k + (d > 1 ? " x" + d : ""));
            }
        });
        return out.size() > 20 ? out.subList(0, 20) + " and " + (out.size() - 20) + " more" : out.toString();
    }

    private static long count(AlertReceiver r, String uuid) {
        return r.matching(x -> uuid.equals(x.uuid())).size();
    }

    private static Map<String, Long> count(Iterable<JsonNode> items, Function<JsonNode, String> key) {
        Map<String, Long> m = new TreeMap<>();
        for (JsonNode n : items) {
            m.merge(key.apply(n), 1L, Long::sum);
        }
        return m;
    }

    private static List<AlertReceiver.Received> arrived(AlertReceiver r, HostAction a, String node) {
        return r.matching(x -> a.rule().equals(x.rule()) && node.equals(x.hostname()) && x.output() != null
                && x.output().contains(a.marker()));
    }

    // ------------------------------------------------------------------ REST and reports

    private HttpResponse<String> call(ServiceProcess p, String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(p.url(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.adminToken());
        if (body != null) {
            r.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> callOk(ServiceProcess p, String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> r = call(p, method, path, contentType, body);
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(p.name + " " + method + " " + path + " answered " + r.statusCode() + ": " + r.body()
                    + "\n" + p.tail(30));
        }
        return r;
    }

    private String callBytes(ServiceProcess p, String path, byte[] body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(p.url(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + tokens.adminToken()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(p.name + " POST " + path + " answered " + r.statusCode() + ": " + r.body() + "\n" + p.tail(30));
        }
        return r.body();
    }

    private String tails(int lines) {
        StringBuilder b = new StringBuilder();
        for (ServiceProcess p : services.values()) {
            b.append('\n').append(p.tail(lines));
        }
        return b.append(cluster.logTails(lines)).toString();
    }

    private void note(String s) {
        String line = "[multinode] " + s;
        System.out.println(line);
        try {
            Files.writeString(logs.resolve("multinode.log"), Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the console has it
        }
    }
}
