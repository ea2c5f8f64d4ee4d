package io.peregrine.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The NATS configuration in the rendered ConfigMap is one that nats-server accepts (-t: test and exit). */
class NatsConfigTest {

    private record Result(int exit, String output) {
    }

    /** Runs nats-server -t on {@code config} laid out as in the pod, next to the rendered permissions. */
    private static Result test(String dir, String config) throws Exception {
        Path root = Files.createTempDirectory("nats");
        try {
            Path conf = Files.createDirectories(root.resolve("nats")).resolve("nats.conf");
            if (config.contains("/etc/nats-tls/")) {
                // The prod overlay's TLS: nats-server -t loads the files, so make real ones.
                Path tls = Files.createDirectories(root.resolve("nats-tls"));
                openssl(tls, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=nats",
                        "-keyout", "tls.key", "-out", "tls.crt");
                Files.copy(tls.resolve("tls.crt"), tls.resolve("ca.crt"));
                config = config.replace("/etc/nats-tls/", tls + "/");
            }
            Files.writeString(conf, config);
            Files.writeString(Files.createDirectories(root.resolve("nats-permissions")).resolve("permissions.conf"),
                    configMap(dir, "nats-permissions-").get("permissions.conf"));
            ProcessBuilder pb = new ProcessBuilder("nats-server", "-t", "-c", conf.toString()).redirectErrorStream(true);
            pb.environment().put("POD_NAME", "nats-0");
            for (String svc : new String[] {"CAPTURE", "STATE", "RULES", "NOTIFY"}) {
                pb.environment().put("PEREGRINE_NATS_" + svc + "_PASSWORD", "secret-" + svc);
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            return new Result(p.exitValue(), out);
        } finally {
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void openssl(Path dir, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    private static java.util.Map<String, String> configMap(String dir, String prefix) throws Exception {
        return Rendered.set(dir).all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().startsWith(prefix))
                .findFirst().orElseThrow().getData();
    }

    private static String config(String dir) throws Exception {
        return configMap(dir, "nats-config-").get("nats.conf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void natsServerAcceptsTheRenderedConfiguration(String dir) throws Exception {
        Result r = test(dir, config(dir));
        assertEquals(0, r.exit(), r.output());
    }

    @Test
    void prodHasTlsOnClientsAndRoutesAndDevRunsOnePlainServer() throws Exception {
        String prod = config("overlays/prod");
        assertTrue(prod.matches("(?s).*\\ntls \\{.*cluster \\{.*tls \\{.*verify: true.*"), prod);
        assertTrue(!config("overlays/dev").contains("tls {"));
    }

    @Test
    void natsServerRefusesAMisspeltKey() throws Exception {
        Result r = test("overlays/dev", config("overlays/dev").replace("store_dir:", "store_dri:"));
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("store_dri"), r.output());
    }
}
