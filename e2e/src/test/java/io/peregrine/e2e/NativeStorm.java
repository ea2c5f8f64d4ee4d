package io.peregrine.e2e;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's syscall storm: {@code storm.c} (test resources), compiled with clang when the
 * benchmark starts, run as one process pinned to one CPU. Native so that the figures are the
 * pipeline's and not an interpreter's: a Python storm topped out near 163,000 syscalls/s.
 */
final class NativeStorm {

    /** What one run made: syscalls, wall seconds, and the storm's CPU (its spawned children included). */
    record Result(long made, double seconds, long cpuMicros) {
        double perSecond() {
            return made / seconds;
        }

        /** Percent of one core over the run. */
        double cpuPercent() {
            return cpuMicros / 1e4 / seconds;
        }

        double perCpuSecond() {
            return cpuMicros == 0 ? 0 : made / (cpuMicros / 1e6);
        }
    }

    private final Path exe;
    private final int cpu;

    private NativeStorm(Path exe, int cpu) {
        this.exe = exe;
        this.cpu = cpu;
    }

    /** Compiles the storm into {@code dir} (a build directory: the binary is never kept in the sources). */
    static NativeStorm build(Path dir, int cpu) throws Exception {
        Files.createDirectories(dir);
        Path src = dir.resolve("storm.c");
        try (InputStream in = NativeStorm.class.getResourceAsStream("/e2e/storm.c")) {
            if (in == null) {
                throw new IllegalStateException("storm.c is not on the classpath (e2e test resources)");
            }
            Files.copy(in, src, StandardCopyOption.REPLACE_EXISTING);
        }
        Path exe = dir.resolve("storm");
        Process cc = new ProcessBuilder("clang", "-O2", "-Wall", "-o", exe.toString(), src.toString()).inheritIO().start();
        if (cc.waitFor() != 0) {
            throw new IllegalStateException("clang could not compile " + src + " (exit " + cc.exitValue() + ")");
        }
        return new NativeStorm(exe.toAbsolutePath(), cpu);
    }

    int cpu() {
        return cpu;
    }

    /** Storms at {@code rate} syscalls/s (0: flat out) for {@code seconds}, connecting to {@code port} after each batch. */
    Result run(int rate, int seconds, int port) throws Exception {
        Process p = new ProcessBuilder(exe.toString(), Integer.toString(rate), Integer.toString(seconds), Integer.toString(port),
                Integer.toString(cpu)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the storm did not end within " + (seconds + 30) + " s");
        }
        // "made N seconds S user_us U system_us S failed F"
        String[] f = out.split(" ");
        if (f.length != 10 || !f[0].equals("made")) {
            throw new IllegalStateException("the storm said '" + out + "' (exit " + p.exitValue() + ")");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("more than 1 % of the storm's calls failed: " + out);
        }
        return new Result(Long.parseLong(f[1]), Double.parseDouble(f[3]), Long.parseLong(f[5]) + Long.parseLong(f[7]));
    }
}
