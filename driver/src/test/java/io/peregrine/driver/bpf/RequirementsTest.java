package io.peregrine.driver.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementsTest {
    static final long CAP_BPF_PERFMON = (1L << Requirements.CAP_BPF) | (1L << Requirements.CAP_PERFMON);

    @Test
    void allMetMeansNothingMissing() {
        assertEquals(List.of(), Requirements.missing(CAP_BPF_PERFMON, "6.18.44", true, true));
        assertEquals(List.of(), Requirements.missing(1L << Requirements.CAP_SYS_ADMIN, "5.17.0-1-generic", true, true));
    }

    @Test
    void eachMissingRequirementIsNamed() {
        List<String> m = Requirements.missing(1L << Requirements.CAP_BPF, "5.4.0", false, false);
        assertEquals(4, m.size(), m.toString());
        assertTrue(m.get(0).contains("CAP_BPF and CAP_PERFMON"), m.get(0));
        assertTrue(m.get(1).contains("/sys/kernel/btf/vmlinux"), m.get(1));
        assertTrue(m.get(2).contains("5.17 or later") && m.get(2).contains("5.4.0"), m.get(2));
        assertTrue(m.get(3).contains("libbpf.so.1"), m.get(3));
    }

    @Test
    void kernelVersions() {
        assertTrue(Requirements.kernelSupported("6.1.0-13-amd64"));
        assertTrue(Requirements.kernelSupported("5.17.0"));
        assertFalse(Requirements.kernelSupported("5.15.21"));
        assertFalse(Requirements.kernelSupported("garbage"));
    }

    /** The real check, in a JVM whose capabilities are all dropped and that runs as nobody. */
    @Test
    void unprivilegedProcessGetsOneClearMessage(@TempDir Path dir) throws Exception {
        // the check's classes, copied where the unprivileged user can read them wherever the build lives
        Path pkg = Files.createDirectories(dir.resolve("io/peregrine/driver/bpf"));
        for (Class<?> c : List.of(Requirements.class, DriverUnavailableException.class)) {
            String file = c.getSimpleName() + ".class";
            try (InputStream in = c.getResourceAsStream(file)) {
                Files.write(pkg.resolve(file), in.readAllBytes());
            }
        }
        try (var walk = Files.walk(dir)) {
            for (Path f : walk.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", java, "-Xshare:off", "--enable-native-access=ALL-UNNAMED",
                "-cp", dir.toString(), Requirements.class.getName())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(3, p.waitFor(), out);
        assertEquals("live capture is unavailable on this host: missing privileges (run as root, or grant CAP_BPF"
                + " and CAP_PERFMON)", out);
    }

    @Test
    void thisHostMeetsThem() throws Exception {
        Requirements.check(); // the tests run as root on a kernel with BTF
    }
}
