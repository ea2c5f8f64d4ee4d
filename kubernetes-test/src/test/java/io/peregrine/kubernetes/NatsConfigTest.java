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

    private static Result test(String config) throws Exception {
        Path f = Files.createTempFile("nats", ".conf");
        try {
            Files.writeString(f, config);
            ProcessBuilder pb = new ProcessBuilder("nats-server", "-t", "-c", f.toString()).redirectErrorStream(true);
            pb.environment().put("POD_NAME", "nats-0");
            pb.environment().put("PEREGRINE_NATS_USER", "peregrine");
            pb.environment().put("PEREGRINE_NATS_PASSWORD", "secret");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            return new Result(p.exitValue(), out);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private static String config(String dir) throws Exception {
        return Rendered.set(dir).all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().startsWith("nats-config-"))
                .findFirst().orElseThrow().getData().get("nats.conf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void natsServerAcceptsTheRenderedConfiguration(String dir) throws Exception {
        Result r = test(config(dir));
        assertEquals(0, r.exit(), r.output());
    }

    @Test
    void natsServerRefusesAMisspeltKey() throws Exception {
        Result r = test(config("overlays/dev").replace("store_dir:", "store_dri:"));
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("store_dri"), r.output());
    }
}
