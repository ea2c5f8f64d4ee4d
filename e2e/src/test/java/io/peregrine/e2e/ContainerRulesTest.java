package io.peregrine.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.peregrine.e2e.containers.Options;
import io.peregrine.e2e.containers.TestContainerd;
import io.peregrine.e2e.containers.TestContainerd.Container;
import io.peregrine.e2e.containers.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The upstream container rules, live: the four services with the upstream rule files, a private
 * containerd driven over CRI as the kubelet drives it, and inside its containers the action each
 * rule describes. Every rule expected to fire must raise its alert for that container, carrying
 * the container's id (12 characters), name, image repository and tag, pod and namespace, and
 * {@code container.privileged}. Rules that cannot fire yet are cases too:
 * the action is performed and the test asserts the alert did not come, with the reason; when
 * state learns the missing field such a case fails and is to be moved (and docs/rules.md updated).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerRulesTest {

    /** Hang guards, not measurements: the whole path alive and a container's CRI metadata cached. */
    static final Duration READY_BOUND = Duration.ofSeconds(180);
    static final Duration ALERT_BOUND = Duration.ofSeconds(60);
    static final String NAMESPACE = "peregrine-e2e";
    static final List<String> UPSTREAM = List.of("falco_rules.yaml", "falco-incubating_rules.yaml",
            "falco-sandbox_rules.yaml");
    /** Appended to the output of every rule below, as a Falco user appends container fields. */
    static final String CONTAINER_OUTPUT = "container_id=%container.id container_name=%container.name "
            + "image=%container.image.repository:%container.image.tag k8s_pod_name=%k8s.pod.name "
            + "k8s_ns_name=%k8s.ns.name privileged=%container.privileged host_pid=%container.host_pid "
            + "host_network=%container.host_network host_ipc=%container.host_ipc";
    static final List<String> DISABLED_UPSTREAM = List.of("Unexpected K8s NodePort Connection",
            "Container Drift Detected (chmod)", "Container Drift Detected (open+create)", "Container Run as Root User",
            "Modify Container Entrypoint", "Detect outbound connections to common miner pool ports");
    /**
     * The names the fd.sip.name rules compare with, answered by rules-svc from a hosts file of the
     * test (peregrine.rules.names.hosts-file): the test needs no DNS, and the machine's /etc/hosts
     * stays untouched. The addresses are those the actions connect to.
     */
    static final String HOSTS = """
            # ContainerRulesTest: names of upstream rules, addresses of the test's actions
            10.96.0.1     kubernetes.default.svc.cluster.local
            198.51.100.8  ca.minexmr.com
            """;
    static final String PROBE_RULE = "Launch Suspicious Network Tool in Container";
    static final String PRIVILEGED_RULE = "Launch Privileged Container";
    static final String SENSITIVE_MOUNT_RULE = "Launch Sensitive Mount Container";
    static final String OWN_SENSITIVE_MOUNT_RULE = "Container started with a sensitive host mount";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One rule and what shows it: a command run in the container ({@code exec}; null: the start of
     * the container's first process), whether the command must succeed, and for a rule that cannot
     * fire here, why ({@code gap}).
     */
    record Case(String rule, String container, List<String> exec, boolean mustSucceed, String gap, String expect,
            boolean everywhere) {
        static Case fires(String rule, String container, String... exec) {
            return new Case(rule, container, exec.length == 0 ? null : List.of(exec), false, null, null, false);
        }

        static Case firesOk(String rule, String container, String... exec) {
            return new Case(rule, container, List.of(exec), true, null, null, false);
        }

        static Case gap(String rule, String container, String why, String... exec) {
            return new Case(rule, container, exec.length == 0 ? null : List.of(exec), false, why, null, false);
        }

        /**
         * A rule that fires for every container because a field it tests is absent: asserted on a
         * container that lacks what the rule looks for (the wrong alert), with the reason.
         */
        static Case everywhere(String rule, String container, String why) {
            return new Case(rule, container, null, false, why, null, true);
        }

        /** Only an alert whose output contains {@code text} counts (other events of the container match too). */
        Case expecting(String text) {
            return new Case(rule, container, exec, mustSucceed, gap, text, everywhere);
        }

        boolean isGap() {
            return gap != null && !everywhere;
        }
    }

    private static List<String> py(String code) {
        return List.of("python3", "-c", code);
    }

    private String run;
    private Path dir;
    private PeregrineSystem system;
    private TestContainerd containerd;
    private Connection nats;
    private final List<JsonNode> alerts = new CopyOnWriteArrayList<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String disk;

    @BeforeAll
    void start() throws Exception {
        assertEquals("0", new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).trim(),
                "containers over CRI and live capture need root (./peregrine test runs as root)");
        run = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
        dir = Files.createTempDirectory("peregrine-containers-" + run + "-");
        Path logs = Path.of(System.getProperty("peregrine.e2e.logs", "target/e2e-logs"));
        Path apps = Path.of(System.getProperty("peregrine.e2e.apps", ".."));

        Path debian = TestImages.debian();
        containerd = TestContainerd.start(dir.resolve("containerd"));
        containerd.importImage(TestImages.busybox(dir.resolve("images")));
        containerd.importImage(debian);
        note("containerd in " + containerd.dir + ", Debian image " + debian);

        Path hosts = Files.writeString(dir.resolve("hosts"), HOSTS);
        system = new PeregrineSystem(run, dir, apps, logs,
                Map.of("state-svc", Map.of("PEREGRINE_STATE_CRI_SOCKETS", containerd.socket.toString()),
                        // Every matching rule alerts (Falco's rule_matching: all): with the default, first,
                        // a rule that matches the same event earlier in the files hides the one under test.
                        "rules-svc", Map.of("PEREGRINE_RULES_MATCHING", "all",
                                "PEREGRINE_RULES_NAMES_HOSTS_FILE", hosts.toString())));
        nats = Nats.connect(system.natsUrl);
        Dispatcher d = nats.createDispatcher(m -> {
            try {
                JsonNode n = JSON.readTree(m.getData());
                if (system.node.equals(n.path("hostname").asText())) {
                    alerts.add(n);
                }
            } catch (Exception ignored) {
                // not an alert
            }
        });
        d.subscribe("peregrine.alerts.>");
        system.startAll();
        loadRules();
        disk = hostDisk();
    }

    @AfterAll
    void stop() throws Exception {
        notes.forEach(n -> System.out.println("[containers] " + n));
        if (containerd != null) {
            containerd.close();
        }
        if (system != null) {
            system.close();
        }
        if (nats != null) {
            nats.close();
        }
        if (dir != null) {
            // Snapshots unmount when their pods go; anything still mounted is left rather than crossed.
            String mounts = Files.readString(Path.of("/proc/self/mounts"));
            if (mounts.contains(dir.toString())) {
                System.out.println("[containers] mounts remain under " + dir + ", not removed");
            } else {
                new ProcessBuilder("rm", "-rf", "--one-file-system", dir.toString()).inheritIO().start().waitFor();
            }
        }
    }

    private void note(String s) {
        notes.add(s);
        System.out.println("[containers] " + s);
    }

    /** The upstream files, then one of this test: enables the disabled rules covered, appends container fields. */
    private void loadRules() throws Exception {
        Path shared = Path.of(System.getenv().getOrDefault("PEREGRINE_SHARED",
                Path.of(System.getProperty("peregrine.repo", "..")).resolve("../shared").toString()));
        StringBuilder own = new StringBuilder();
        for (String r : DISABLED_UPSTREAM) {
            own.append("- rule: \"").append(r).append("\"\n  enabled: true\n\n");
        }
        Set<String> rules = new LinkedHashSet<>();
        cases().forEach(c -> rules.add(c.rule()));
        rules.add(PROBE_RULE);
        for (String r : rules) {
            own.append("- rule: \"").append(r).append("\"\n  output: \"").append(CONTAINER_OUTPUT)
                    .append("\"\n  override:\n    output: append\n\n");
        }
        // Network Connection outside Local Subnet watches the namespaces listed here (upstream: none).
        own.append("- list: namespace_scope_network_only_subnet\n  items: [").append(NAMESPACE).append("]\n\n");
        // Launch Disallowed Container: upstream allows every container; here only the Debian image is allowed.
        own.append("- list: peregrine_e2e_allowed_images\n  items: [docker.io/peregrine/debian]\n\n");
        own.append("- macro: allowed_containers\n  condition: (container.image.repository in (peregrine_e2e_allowed_images))\n");
        List<Map<String, String>> files = new ArrayList<>();
        Path repo = Path.of(System.getProperty("peregrine.repo", ".."));
        files.add(Map.of("name", "peregrine_rules.yaml", "content",
                Files.readString(repo.resolve("rules-svc/src/main/resources/rules/peregrine_rules.yaml"))));
        for (String f : UPSTREAM) {
            files.add(Map.of("name", f, "content", Files.readString(shared.resolve("falco-rules").resolve(f))));
        }
        files.add(Map.of("name", "peregrine-e2e-containers.yaml", "content", own.toString()));
        system.callOk("rules-svc", "POST", "/api/v1/import?mode=replace", "application/json",
                JSON.writeValueAsString(Map.of("files", files)));
        JsonNode summary = JSON.readTree(system.callOk("rules-svc", "GET", "/api/v1/ruleset", null, null).body());
        note("ruleset in force: version " + summary.path("version") + ", " + summary.path("enabledRules") + " rules enabled");
        assertTrue(summary.path("enabledRules").asInt() >= 80, "the upstream rules are not in force: " + summary);
    }

    /** The host's first disk, read one sector from a privileged container (Privileged Container Device Access). */
    private static String hostDisk() throws Exception {
        try (var s = Files.list(Path.of("/sys/block"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("vd") || n.startsWith("sd") || n.startsWith("nvme") || n.startsWith("xvd"))
                    .sorted().findFirst().map(n -> "/dev/" + n)
                    .orElseThrow(() -> new IllegalStateException("no vd/sd/nvme/xvd disk on this host"));
        }
    }

    // ------------------------------------------------------------------ the containers and cases

    /** The pods: name → image and variant. */
    private Map<String, Object[]> pods() {
        Map<String, Object[]> p = new LinkedHashMap<>();
        p.put("shell", new Object[] {TestImages.BUSYBOX, Options.defaults().tty(), "/bin/sh"});
        p.put("tools", new Object[] {TestImages.DEBIAN, Options.defaults(), "/bin/sleep 3600"});
        p.put("bbox", new Object[] {TestImages.BUSYBOX, Options.defaults(), "/bin/sleep 3600"});
        p.put("hostpid", new Object[] {TestImages.DEBIAN, Options.defaults().hostPid(), "/bin/sleep 3600"});
        p.put("hostnet", new Object[] {TestImages.BUSYBOX, Options.defaults().hostNetwork(), "/bin/sleep 3600"});
        p.put("priv", new Object[] {TestImages.DEBIAN, Options.defaults().privileged(), "/bin/sleep 3600"});
        p.put("caps", new Object[] {TestImages.DEBIAN, Options.defaults().addCapabilities("SYS_ADMIN", "NET_ADMIN"),
                "/bin/sleep 3600"});
        p.put("mounts", new Object[] {TestImages.DEBIAN, Options.defaults().mount("/etc", "/host/etc", true)
                .mount("/proc", "/host/proc", true)
                .mount(containerd.socket.toString(), "/run/containerd/containerd.sock", false), "/bin/sleep 3600"});
        p.put("nonroot", new Object[] {TestImages.BUSYBOX, Options.defaults().runAsUser(1000), "/bin/sleep 3600"});
        return p;
    }

    private List<Case> cases() {
        String listenConnect = """
                import socket
                srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                srv.bind(("%1$s", %2$d)); srv.listen(1)
                c = socket.create_connection(("%1$s", %2$d), timeout=10); srv.accept()[0].close(); c.close()
                """;
        // Non-blocking: the connect is in progress (the pod's default route is a dummy device, nothing leaves).
        String connectOut = """
                import errno, socket
                s = socket.socket(); s.setblocking(False)
                r = s.connect_ex(("%s", %d)); assert r == errno.EINPROGRESS, r
                """;
        List<Case> c = new ArrayList<>();
        c.add(Case.fires("Terminal shell in container", "shell"));
        c.add(Case.fires("Launch Package Management Process in Container", "tools", "apt-get", "--version"));
        c.add(Case.fires(PROBE_RULE, "tools", "nc", "-h"));
        c.add(Case.fires("Launch Remote File Copy Tools in Container", "tools", "scp"));
        c.add(Case.fires("Launch Ingress Remote File Copy Tools in Container", "tools", "wget", "--version"));
        c.add(Case.fires("Netcat Remote Code Execution in Container", "bbox", "nc", "-w", "1", "-e", "/bin/echo",
                "10.77.0.9", "4444"));
        c.add(Case.firesOk("Packet socket created in container", "tools",
                py("import socket; socket.socket(socket.AF_PACKET, socket.SOCK_RAW)").toArray(String[]::new)));
        c.add(Case.firesOk("Redirect STDOUT/STDIN to Network Connection in Container", "tools",
                py("import os, socket; s = socket.socket(); os.dup2(s.fileno(), 0)").toArray(String[]::new)));
        c.add(Case.fires("Change namespace privileges via unshare", "tools", "unshare", "-U", "true"));
        c.add(Case.firesOk("Drop and execute new binary in container", "tools", "sh", "-c",
                "cp /bin/true /tmp/dropped && /tmp/dropped"));
        c.add(Case.firesOk("Container Drift Detected (chmod)", "tools", "sh", "-c",
                "echo 'echo drift' > /tmp/drift-chmod && chmod +x /tmp/drift-chmod").expecting("/tmp/drift-chmod"));
        c.add(Case.firesOk("Container Drift Detected (open+create)", "tools",
                py("import os; os.open('/tmp/drift-created', os.O_CREAT | os.O_WRONLY, 0o755)").toArray(String[]::new))
                .expecting("/tmp/drift-created"));
        c.add(Case.firesOk("Read environment variable from /proc files", "tools", "cat", "/proc/1/environ"));
        c.add(Case.firesOk("Decoding Payload in Container", "tools", "sh", "-c", "echo cGVyZWdyaW5l | base64 -d"));
        c.add(Case.firesOk("Contact EC2 Instance Metadata Service From Container", "tools",
                py(listenConnect.formatted("169.254.169.254", 80)).toArray(String[]::new)));
        c.add(Case.fires("Contact cloud metadata service from container", "tools"));
        c.add(Case.firesOk("Network Connection outside Local Subnet", "tools",
                py(connectOut.formatted("198.51.100.7", 443)).toArray(String[]::new)).expecting("198.51.100.7"));
        c.add(Case.firesOk("Unexpected K8s NodePort Connection", "tools",
                py(listenConnect.formatted("10.77.0.2", 30080)).toArray(String[]::new)).expecting("30080"));
        c.add(Case.fires("Kubernetes Client Tool Launched in Container", "tools", "kubectl", "version", "--client"));
        // what `kubectl cp` runs; a file outside /etc, /proc, /lib, /run and /usr, which the rule leaves out
        c.add(Case.firesOk("Exfiltrating Artifacts via Kubernetes Control Plane", "tools", "tar", "cf", "-",
                "/var/lib/dpkg/status").expecting("/var/lib/dpkg/status"));
        c.add(Case.firesOk("Modify Container Entrypoint", "tools", py(
                "import os; fd = os.open('/tmp/entry', os.O_CREAT | os.O_WRONLY, 0o644); os.open('/proc/self/fd/%d' % fd, os.O_WRONLY)")
                .toArray(String[]::new)));
        c.add(Case.fires("Container Run as Root User", "tools"));
        c.add(Case.fires("Launch Disallowed Container", "hostnet"));
        c.add(Case.fires("Launch Excessively Capable Container", "caps"));
        c.add(Case.gap("Privileged Container Device Access", "priv",
                "no alert although the read of the disk succeeds: cause not found yet (the open of a block device)",
                "dd", "if=" + disk, "of=/dev/null", "bs=512", "count=1"));
        c.add(Case.firesOk("Detect release_agent File Container Escapes", "priv", "sh", "-c",
                // The rule watches a write-open of a file of that name by a process holding CAP_SYS_ADMIN;
                // a file of the container's own keeps the host's cgroups untouched.
                ": >> /tmp/release_agent"));
        c.add(Case.firesOk("Container Access to Host Sensitive Paths", "mounts", "cat", "/host/etc/hostname"));
        c.add(Case.fires(PRIVILEGED_RULE, "priv"));
        c.add(Case.firesOk("Mount Launched in Privileged Container", "priv", "mount", "-t", "tmpfs", "none", "/mnt"));
        c.add(Case.firesOk("Debugfs Launched in Privileged Container", "priv", "debugfs", "-V"));
        // host /etc mounted at /host/etc: container.mount.dest[/etc] names it (the argument is the source).
        // A container without such a mount has no value, and `not <absent> in (...)` holds, as in libsinsp,
        // so the upstream macro matches every container start.
        c.add(Case.everywhere(SENSITIVE_MOUNT_RULE, "mounts", "a container without the mount has no"
                + " container.mount.dest[...] value, and 'not ... in (\"<NA>\",\"N/A\")' of a missing value is true"));
        // fd.sip.name: the rules' names resolve (from the test's hosts file, see HOSTS) to these addresses.
        c.add(Case.firesOk("Contact K8S API Server From Container", "tools",
                py(connectOut.formatted("10.96.0.1", 443)).toArray(String[]::new)).expecting("10.96.0.1:443"));
        c.add(Case.firesOk("Detect outbound connections to common miner pool ports", "tools",
                py(connectOut.formatted("198.51.100.8", 3333)).toArray(String[]::new)).expecting("198.51.100.8"));
        // Peregrine's own container rules (its default file, loaded beside upstream's), on the same actions.
        c.add(Case.fires("Interactive shell in a container", "shell"));
        c.add(Case.fires("Privileged container started", "priv"));
        c.add(Case.fires(OWN_SENSITIVE_MOUNT_RULE, "mounts"));
        c.add(Case.fires("Program not in the image run in a container", "tools"));
        c.add(Case.fires("Packet socket in a container", "tools"));
        c.add(Case.fires("Kubernetes API server contacted from a container", "tools"));
        c.add(Case.fires("Cloud metadata service contacted from a container", "tools"));
        return c;
    }

    // ------------------------------------------------------------------ the test

    @Test
    void containerRulesFireLiveWithTheirContainerAndPod() throws Exception {
        Map<String, Object[]> pods = pods();
        for (var e : pods.entrySet()) {
            String name = e.getKey();
            Options o = (Options) e.getValue()[1];
            // The first process waits, then execs its real command: the start rules (vpid 1 spawned)
            // then see a container whose CRI metadata is cached, as they would on a node where the
            // first alert of a container is not its start.
            o.command("/bin/sh", "-c", "until [ -e /tmp/.go ]; do sleep 1; done; exec " + e.getValue()[2]);
            Container c = containerd.run("e2e-" + name + "-" + run, NAMESPACE, name, (String) e.getValue()[0], o);
            containers.put(name, c);
            note("pod " + c.podName() + " container " + name + " " + c.shortId() + " (" + c.image() + ", " + o + ")");
        }
        List<String> failures = new ArrayList<>();
        for (Container c : containers.values()) {
            awaitMetadata(c);
            // Every pod's metadata, the host namespaces of the hostpid and hostnet pods included.
            String wrong = wrongMetadata(find(PROBE_RULE, c, true, null), c);
            if (wrong != null) {
                failures.add(PROBE_RULE + " in " + c.name() + ": " + wrong);
            }
            containerd.exec(c, "touch", "/tmp/.go");
        }

        List<Case> cases = cases();
        Map<Case, Instant> performed = new LinkedHashMap<>();
        for (Case k : cases) {
            if (k.exec() != null) {
                TestContainerd.ExecResult r = containerd.exec(containers.get(k.container()), k.exec().toArray(String[]::new));
                if (k.mustSucceed() && r.exitCode() != 0) {
                    failures.add(k.rule() + ": the action failed in " + k.container() + " (exit " + r.exitCode() + "): "
                            + r.stderr() + r.stdout());
                }
            }
            performed.put(k, Instant.now());
        }

        // Peregrine's own sensitive-mount rule asks whether the mount exists: silent for a container without one.
        if (awaitAlert("Container Run as Root User", containers.get("tools"), null) == null) {
            failures.add("Container Run as Root User: no alert for the tools container");
        } else if (find(OWN_SENSITIVE_MOUNT_RULE, containers.get("tools"), false, null) != null) {
            failures.add(OWN_SENSITIVE_MOUNT_RULE + " fired for the tools container, which mounts nothing of the host");
        }

        List<String> table = new ArrayList<>();
        for (Case k : cases) {
            Container c = containers.get(k.container());
            boolean gap = k.isGap();
            if (!gap) {
                JsonNode a = awaitAlert(k.rule(), c, k.expect());
                if (a == null) {
                    failures.add(k.rule() + ": no alert for container " + k.container() + " (" + c.shortId()
                            + ") within " + ALERT_BOUND.toSeconds() + " s; alerts for it: " + rulesSeen(c));
                    table.add("NO    " + k.rule());
                    continue;
                }
                String wrong = wrongMetadata(a, c);
                if (wrong != null) {
                    failures.add(k.rule() + ": " + wrong + " in " + a.path("output_fields"));
                }
                table.add((wrong != null ? "WRONG " : k.everywhere() ? "ANY   " : "fires ") + k.rule() + "  ["
                        + k.container() + " " + a.path("output_fields").path("proc.cmdline").asText("") + "]"
                        + (k.everywhere() ? " (" + k.gap() + ")" : ""));
            } else {
                table.add("gap   " + k.rule() + "  (" + k.gap() + ")");
            }
        }
        // The gaps last: by now every alert of the same containers' later actions has arrived.
        for (Case k : cases) {
            if (k.isGap() && find(k.rule(), containers.get(k.container()), false, null) != null) {
                failures.add(k.rule() + " now fires (" + k.gap() + " no longer holds): move it to the firing cases"
                        + " and update docs/rules.md");
            }
        }
        note("rules:\n  " + String.join("\n  ", table));
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases.size() + " cases failed:\n  " + String.join("\n  ", failures)
                    + "\ncontainerd log tail:\n" + tail(containerd.log(), 20) + system.logTails(30));
        }
    }

    // ------------------------------------------------------------------ alerts

    /**
     * Runs the probe (a network tool) until its alert carries the container's CRI name: the pipeline
     * is alive and state has this container's metadata cached (CRI lookups are asynchronous, so the
     * very first alert of a container may lack it).
     */
    private void awaitMetadata(Container c) throws Exception {
        Instant deadline = Instant.now().plus(READY_BOUND);
        while (Instant.now().isBefore(deadline)) {
            containerd.exec(c, "nc", "-h");
            Instant until = Instant.now().plusSeconds(3);
            while (Instant.now().isBefore(until)) {
                if (find(PROBE_RULE, c, true, null) != null) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        fail("no '" + PROBE_RULE + "' alert with container.name for " + c.name() + " (" + c.shortId() + ") within "
                + READY_BOUND.toSeconds() + " s; alerts for it: " + rulesSeen(c) + system.logTails(40));
    }

    /** The first alert of the rule for the container that carries its CRI metadata, waiting up to ALERT_BOUND. */
    private JsonNode awaitAlert(String rule, Container c, String expect) throws InterruptedException {
        Instant deadline = Instant.now().plus(ALERT_BOUND);
        while (Instant.now().isBefore(deadline)) {
            JsonNode a = find(rule, c, true, expect);
            if (a != null) {
                return a;
            }
            Thread.sleep(100);
        }
        return null;
    }

    private JsonNode find(String rule, Container c, boolean withName, String expect) {
        for (JsonNode a : alerts) {
            JsonNode f = a.path("output_fields");
            if (rule.equals(a.path("rule").asText()) && c.shortId().equals(f.path("container.id").asText())
                    && (!withName || f.hasNonNull("container.name"))
                    && (expect == null || a.path("output").asText().contains(expect))) {
                return a;
            }
        }
        return null;
    }

    private Set<String> rulesSeen(Container c) {
        Set<String> s = new LinkedHashSet<>();
        for (JsonNode a : alerts) {
            if (c.shortId().equals(a.path("output_fields").path("container.id").asText())) {
                s.add(a.path("rule").asText());
            }
        }
        return s;
    }

    /** Null when the alert names the container, image and pod as the kubelet ran them. */
    private static String wrongMetadata(JsonNode a, Container c) {
        JsonNode f = a.path("output_fields");
        Map<String, String> want = new LinkedHashMap<>();
        want.put("container.id", c.shortId());
        want.put("container.name", c.name());
        want.put("container.image.repository", c.repository());
        want.put("container.image.tag", c.tag());
        want.put("k8s.pod.name", c.podName());
        want.put("k8s.ns.name", c.namespace());
        List<String> wrong = new ArrayList<>();
        want.forEach((k, v) -> {
            if (!v.equals(f.path(k).asText(null))) {
                wrong.add(k + "=" + f.path(k) + " (expected " + v + ")");
            }
        });
        Map<String, Boolean> flags = new LinkedHashMap<>();
        flags.put("container.privileged", c.options().isPrivileged());
        flags.put("container.host_pid", c.options().isHostPid());
        flags.put("container.host_network", c.options().isHostNetwork());
        flags.put("container.host_ipc", false);     // no pod of the test shares the host's IPC namespace
        flags.forEach((k, v) -> {
            JsonNode b = f.get(k);
            if (b == null || b.isNull() || b.asBoolean() != v) {
                wrong.add(k + "=" + b + " (expected " + v + ")");
            }
        });
        return wrong.isEmpty() ? null : String.join(", ", wrong);
    }

    private static String tail(String s, int lines) {
        String[] l = s.split("\n");
        return String.join("\n", List.of(l).subList(Math.max(0, l.length - lines), l.length));
    }
}
