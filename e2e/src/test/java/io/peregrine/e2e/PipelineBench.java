package io.peregrine.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The whole pipeline under a syscall storm: the four services as processes (as in the end-to-end
 * tests), the default rules plus upstream rule files, a native storm of open/close, connect and
 * exec ({@link NativeStorm}) at stepped target rates; per step the events captured, projected and
 * evaluated, the loss counters, whether the step lost nothing, and CPU of the storm, each service
 * and nats-server; then alert latency (action start to webhook receipt) under a background storm.
 * Before the services start, and again with the probe attached, the storm runs flat out so that
 * its own ceiling is known. A main class, not a test: run with {@code ./peregrine bench} (see
 * docs/benchmarks.md).
 *
 * <p>Arguments: {@code [stepSeconds] [rate,rate,...] [latencyRate] [extra rule files...]}; a rate of
 * {@code max} storms flat out. NATS and PostgreSQL come from {@code PEREGRINE_NATS_URL} and
 * {@code PEREGRINE_DB_*} as for the tests; {@code -Dperegrine.bench.natsPid} names nats-server's
 * process for its CPU, {@code -Dperegrine.bench.stormCpu} the CPU the storm is pinned to (default
 * the last one; -1 unpinned).
 */
public final class PipelineBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] METRICS = {
            "capture-svc:peregrine_capture_events_published", "capture-svc:peregrine_capture_kernel_lost",
            "capture-svc:peregrine_capture_queue_lost", "state-svc:peregrine_state_events",
            "state-svc:peregrine_state_events_lost", "state-svc:peregrine_state_sequence_gaps",
            "rules-svc:peregrine_rules_events_evaluated", "rules-svc:peregrine_rules_frames_failed",
            "rules-svc:peregrine_rules_frames_rejected"};

    public static void main(String[] args) throws Exception {
        int stepSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Integer> rates = new ArrayList<>();
        for (String r : (args.length > 1 ? args[1] : "25000,50000,100000,150000,200000,300000").split(",")) {
            rates.add(r.equals("max") ? 0 : Integer.parseInt(r));
        }
        int latencyRate = args.length > 2 ? Integer.parseInt(args[2]) : 25000;
        List<Path> extra = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            extra.add(Path.of(args[i]));
        }
        String run = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
        Path dir = Files.createTempDirectory("peregrine-bench-" + run + "-");
        int cpus = Runtime.getRuntime().availableProcessors();
        NativeStorm storm = NativeStorm.build(Path.of("target", "native-storm"),
                Integer.parseInt(System.getProperty("peregrine.bench.stormCpu", Integer.toString(cpus - 1))));
        Path apps = Path.of(System.getProperty("peregrine.e2e.apps", ".."));
        ServerSocket listener = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    // accepted and closed at once: the storm only needs connect to succeed
                } catch (Exception e) {
                    // closed at the end
                }
            }
        });
        say("load " + Files.readString(Path.of("/proc/loadavg")).trim() + ", " + cpus + " CPUs, storm pinned to CPU "
                + storm.cpu());
        NativeStorm.Result bare = storm.run(0, stepSeconds, listener.getLocalPort());
        say(String.format("storm flat out, no probe: %.0f syscalls/s, storm CPU %.1f %% of a core (%.0f syscalls per CPU-second)",
                bare.perSecond(), bare.cpuPercent(), bare.perCpuSecond()));
        try (AlertReceiver webhook = new AlertReceiver(AlertReceiver.Kind.WEBHOOK);
             PeregrineSystem system = new PeregrineSystem(run, dir, apps, Path.of("target/bench-logs"))) {
            Instant t0 = Instant.now();
            system.startAll();
            say("services ready in " + Duration.between(t0, Instant.now()).toMillis() + " ms");
            Path defaults = apps.resolve("rules-svc/src/main/resources/rules/peregrine_rules.yaml");
            say("import defaults: " + system.callOk("rules-svc", "POST", "/api/v1/import?mode=replace&name=peregrine_rules.yaml",
                    "application/yaml", Files.readString(defaults)).body());
            for (Path f : extra) {
                var r = system.call("rules-svc", "POST", "/api/v1/import?mode=merge&name=" + f.getFileName(), "application/yaml",
                        Files.readString(f));
                say("import " + f.getFileName() + ": " + r.statusCode() + " " + abbreviate(r.body()));
            }
            JsonNode summary = JSON.readTree(system.callOk("rules-svc", "GET", "/api/v1/ruleset", null, null).body());
            say("ruleset in force: " + summary);
            system.callOk("notify-svc", "POST", "/api/v1/outputs", "application/json",
                    "{\"name\":\"bench-webhook-" + run + "\",\"type\":\"webhook\",\"url\":\"" + webhook.url() + "\"}");
            try (io.nats.client.Connection nats = io.nats.client.Nats.connect(system.natsUrl);
                 HostActions actions = new HostActions(run, dir.resolve("work"))) {
                // Projected frames as the NATS server passes them on (core subscription): tells state-svc's
                // publishing apart from what the work-queue stream keeps for rules-svc.
                java.util.concurrent.atomic.AtomicLong tapMsgs = new java.util.concurrent.atomic.AtomicLong();
                java.util.concurrent.atomic.AtomicLong tapBytes = new java.util.concurrent.atomic.AtomicLong();
                nats.createDispatcher(m -> {
                    tapMsgs.incrementAndGet();
                    tapBytes.addAndGet(m.getData().length);
                }).subscribe("peregrine.events.>");
                warmUp(system, webhook, actions);
                Map<String, Long> pids = servicePids();
                say("pids " + pids + ", load " + Files.readString(Path.of("/proc/loadavg")).trim());
                say(String.format("%-9s %-10s %-10s %-10s %-10s %-7s %-7s %-7s %-7s %-7s %-6s %-6s  cpu%% %s / pipeline",
                        "target/s", "storm/s", "captured/s", "projected", "evaluated", "k.lost", "q.lost", "s.lost", "s.gaps",
                        "r.fail", "loss", "storm", String.join("/", pids.keySet())));
                for (int rate : rates) {
                    Map<String, Double> m0 = metrics(system);
                    long tm0 = tapMsgs.get();
                    long tb0 = tapBytes.get();
                    Map<String, Long> c0 = cpu(pids);
                    long w0 = System.nanoTime();
                    NativeStorm.Result done = storm.run(rate, stepSeconds, listener.getLocalPort());
                    double secs = (System.nanoTime() - w0) / 1e9;
                    Map<String, Long> c1 = cpu(pids);
                    Thread.sleep(3000); // what was captured in the step drains through state and rules
                    Map<String, Double> m1 = metrics(system);
                    String stream = eventsStream(nats);
                    StringBuilder cpuText = new StringBuilder();
                    double pipeline = 0;
                    for (String s : pids.keySet()) {
                        double pct = (c1.get(s) - c0.get(s)) / 100.0 / secs * 100;
                        pipeline += pct;
                        cpuText.append(String.format(" %5.1f", pct));
                    }
                    double lost = d(m0, m1, 1) + d(m0, m1, 2) + d(m0, m1, 4) + d(m0, m1, 5) + d(m0, m1, 7) + d(m0, m1, 8);
                    // "none": no loss counter moved and rules-svc was handed everything the step put in the events
                    // stream; "behind": nothing lost, but frames still wait for rules-svc after the drain. A frame or two
                    // awaiting its ack is in flight, not behind: the probe sees the whole host, which never falls silent.
                    boolean drained = stream.contains(", pending 0,"); // the consumer's undelivered count, not "ack pending"
                    String loss = lost > 0 ? "LOST" : drained ? "none" : "behind";
                    say(String.format("%-9s %-10.0f %-10.0f %-10.0f %-10.0f %-7.0f %-7.0f %-7.0f %-7.0f %-7.0f %-6s %6.1f %s / %5.1f",
                            rate == 0 ? "max" : Integer.toString(rate), done.perSecond(), d(m0, m1, 0) / secs, d(m0, m1, 3) / secs,
                            d(m0, m1, 6) / secs, d(m0, m1, 1), d(m0, m1, 2), d(m0, m1, 4), d(m0, m1, 5), d(m0, m1, 7) + d(m0, m1, 8),
                            loss, done.cpuPercent(), cpuText, pipeline));
                    say("  projected frames on peregrine.events.>: " + (tapMsgs.get() - tm0) + " msgs, " + (tapBytes.get() - tb0)
                            + " bytes; " + stream);
                }
                latency(system, webhook, actions, storm, latencyRate, listener.getLocalPort());
                say("  " + eventsStream(nats));
            } finally {
                system.call("notify-svc", "DELETE", "/api/v1/outputs/bench-webhook-" + run, null, null);
            }
        } finally {
            listener.close();
        }
        System.exit(0);
    }

    /** Where projected frames wait for rules-svc: the work-queue stream and its durable consumer. */
    private static String eventsStream(io.nats.client.Connection nats) {
        try {
            var jsm = nats.jetStreamManagement();
            var st = jsm.getStreamInfo(io.peregrine.protocol.Subjects.EVENTS_STREAM).getStreamState();
            var ci = jsm.getConsumerInfo(io.peregrine.protocol.Subjects.EVENTS_STREAM, io.peregrine.protocol.Subjects.EVENTS_CONSUMER);
            return String.format("events stream: %d msgs, %d bytes, first seq %d, last seq %d; consumer: delivered %d, ack floor %d,"
                            + " ack pending %d, pending %d, redelivered %d", st.getMsgCount(), st.getByteCount(), st.getFirstSequence(),
                    st.getLastSequence(), ci.getDelivered().getStreamSequence(), ci.getAckFloor().getStreamSequence(),
                    ci.getNumAckPending(), ci.getNumPending(), ci.getRedelivered());
        } catch (Exception e) {
            return "events stream: " + e;
        }
    }

    private static double d(Map<String, Double> a, Map<String, Double> b, int i) {
        return b.get(METRICS[i]) - a.get(METRICS[i]);
    }

    private static void latency(PeregrineSystem system, AlertReceiver webhook, HostActions actions, NativeStorm storm, int rate, int port)
            throws Exception {
        Thread background = Thread.ofPlatform().start(() -> {
            try {
                storm.run(rate, 24, port);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Map<String, Double> m0 = metrics(system);
        long w0 = System.nanoTime();
        Thread.sleep(2000);
        List<HostAction> done = new ArrayList<>();
        List<Instant> started = new ArrayList<>();
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            HostAction a = actions.readShadow();
            started.add(Instant.now());
            actions.perform(a);
            done.add(a);
            Thread.sleep(200);
        }
        background.join();
        double secs = (System.nanoTime() - w0) / 1e9;
        Thread.sleep(5000);
        Map<String, Double> m1 = metrics(system);
        List<Long> micros = new ArrayList<>();
        int missing = 0;
        for (int i = 0; i < done.size(); i++) {
            HostAction a = done.get(i);
            List<AlertReceiver.Received> got = webhook.matching(x -> a.rule().equals(x.rule()) && x.output() != null
                    && x.output().contains(a.marker()));
            if (got.isEmpty()) {
                missing++;
            } else {
                micros.add(Duration.between(started.get(i), got.getFirst().at()).toNanos() / 1000);
            }
        }
        micros.sort(null);
        say(String.format("latency at background target %d/s: captured %.0f/s, evaluated %.0f/s, k.lost %.0f, q.lost %.0f", rate,
                d(m0, m1, 0) / secs, d(m0, m1, 6) / secs, d(m0, m1, 1), d(m0, m1, 2)));
        if (micros.isEmpty()) {
            say("no alert arrived of " + done.size());
            return;
        }
        say(String.format("alerts %d/%d, missing %d: p50 %.1f ms, p99 %.1f ms, max %.1f ms, min %.1f ms", micros.size(), done.size(),
                missing, micros.get(micros.size() / 2) / 1000.0, micros.get(Math.min(micros.size() - 1,
                        (int) Math.ceil(micros.size() * 0.99) - 1)) / 1000.0, micros.getLast() / 1000.0, micros.getFirst() / 1000.0));
    }

    private static void warmUp(PeregrineSystem system, AlertReceiver webhook, HostActions actions) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            HostAction a = actions.readShadow();
            actions.perform(a);
            for (int i = 0; i < 30; i++) {
                if (!webhook.matching(x -> x.output() != null && x.output().contains(a.marker())).isEmpty()) {
                    say("pipeline alive");
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("no alert for cat /etc/shadow within 120 s" + system.logTails(30));
    }

    /** Sum over all label sets of each counter (Micrometer exports counters with a _total suffix). */
    private static Map<String, Double> metrics(PeregrineSystem system) throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        Map<String, Double> out = new LinkedHashMap<>();
        for (String key : METRICS) {
            String svc = key.substring(0, key.indexOf(':'));
            String name = key.substring(key.indexOf(':') + 1);
            String page = pages.get(svc);
            if (page == null) {
                page = system.callOk(svc, "GET", "/q/metrics", null, null).body();
                pages.put(svc, page);
            }
            double sum = 0;
            for (String line : page.split("\n")) {
                if (line.startsWith(name + "_total") || line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            out.put(key, sum);
        }
        return out;
    }

    private static Map<String, Long> servicePids() throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String s : PeregrineSystem.SERVICES) {
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains(s + "/target/quarkus-app"))
                    .findFirst().ifPresent(p -> pids.put(s, p.pid()));
        }
        String nats = System.getProperty("peregrine.bench.natsPid");
        if (nats != null) {
            pids.put("nats-server", Long.parseLong(nats));
        }
        return pids;
    }

    /** utime + stime in clock ticks (100 per second) from /proc/pid/stat. */
    private static Map<String, Long> cpu(Map<String, Long> pids) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        for (var e : pids.entrySet()) {
            String stat = Files.readString(Path.of("/proc/" + e.getValue() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            out.put(e.getKey(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static void say(String s) {
        System.out.println("[bench] " + s);
        System.out.flush();
    }
}
