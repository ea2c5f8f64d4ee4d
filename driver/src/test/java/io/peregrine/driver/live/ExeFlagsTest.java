package io.peregrine.driver.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.driver.bpf.Syscall;
import io.peregrine.protocol.scap.EventCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The execve exit event's exe flags on the real kernel: the overlayfs layer of the executable
 * (an overlay mounted for the test) and whether the executing user could write it.
 */
class ExeFlagsTest {
    static final int WRITABLE = 1;
    static final int UPPER_LAYER = 2;
    static final int LOWER_LAYER = 8;
    static final String NOBODY = "65534";
    static final String GROUP = "100";

    @Test
    void overlayLayerAndWritabilityOfTheExecutable(@TempDir Path base) throws Exception {
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path lower = Files.createDirectory(base.resolve("lower"));
        Path upper = Files.createDirectory(base.resolve("upper"));
        Path work = Files.createDirectory(base.resolve("work"));
        Path merged = Files.createDirectory(base.resolve("merged"));
        Path trueBin = Path.of("/bin/true").toRealPath();
        executable(Files.copy(trueBin, lower.resolve("low-true")));
        // executables outside the overlay, run as nobody: one it owns, one writable by others, one
        // it cannot write
        Path owned = executable(Files.copy(trueBin, base.resolve("owned-true")));
        run("chown", NOBODY + ":" + NOBODY, owned.toString());
        Path others = Files.copy(trueBin, base.resolve("others-true"));
        Files.setPosixFilePermissions(others, PosixFilePermissions.fromString("rwxr-xrwx"));
        Path rootOnly = executable(Files.copy(trueBin, base.resolve("root-true")));
        // group-writable for group 100, run by nobody with and without that supplementary group
        Path group = Files.copy(trueBin, base.resolve("group-true"));
        run("chown", "0:" + GROUP, group.toString());
        Files.setPosixFilePermissions(group, PosixFilePermissions.fromString("rwxrwxr-x"));
        Path groupLink = Files.createSymbolicLink(base.resolve("group-true-link"), group);

        run("mount", "-t", "overlay", "overlay", "-o",
                "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work, merged.toString());
        try (LiveSource src = LiveSource.open(LiveOptions.defaults().withSeed(false)
                .withSyscalls(EnumSet.of(Syscall.EXECVE)))) {
            // created through the overlay, so it lives on the upper layer
            Path upTrue = executable(Files.copy(trueBin, merged.resolve("up-true")));
            Path lowTrue = merged.resolve("low-true");
            run(upTrue.toString());
            run(lowTrue.toString());
            run("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", owned.toString());
            run("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", others.toString());
            run("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", rootOnly.toString());
            run("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--groups=7," + GROUP + ",65000", group.toString());
            run("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", groupLink.toString());

            List<String> wanted = List.of(upTrue.toString(), lowTrue.toString(), owned.toString(),
                    others.toString(), rootOnly.toString(), group.toString(), groupLink.toString());
            Map<String, Long> flags = new HashMap<>();
            List<String> bad = new ArrayList<>();
            long deadline = System.nanoTime() + 30_000_000_000L; // a hang bound, not a speed check
            while (flags.size() < wanted.size()) {
                src.poll(r -> {
                    if (r.type() != EventCodes.PPME_SYSCALL_EXECVE_19_X) {
                        return;
                    }
                    CapturedEvent e = new CapturedEvent(r);
                    String file = e.str("filename");
                    if (wanted.contains(file)) {
                        if (e.num("res") != 0 || flags.put(file, e.num("flags")) != null) {
                            bad.add(file + " res " + e.num("res"));
                        }
                    }
                }, 4096);
                assertTrue(System.nanoTime() < deadline, "execve events missing; got " + flags);
            }
            assertEquals(List.of(), bad, "one successful execve each");
            assertEquals(UPPER_LAYER | WRITABLE, flags.get(upTrue.toString()), "created in the overlay, run by root");
            assertEquals(LOWER_LAYER | WRITABLE, flags.get(lowTrue.toString()), "from the lower layer, run by root");
            assertEquals(WRITABLE, flags.get(owned.toString()), "owned by the user running it");
            assertEquals(WRITABLE, flags.get(others.toString()), "writable by others");
            assertEquals(0, flags.get(rootOnly.toString()), "root's 0755 file run by nobody");
            assertEquals(WRITABLE, flags.get(group.toString()), "group-writable, run in that supplementary group");
            assertEquals(0, flags.get(groupLink.toString()), "group-writable, run outside the group");
        } finally {
            run("umount", merged.toString());
        }
    }

    private static Path executable(Path p) throws IOException {
        return Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", cmd) + " failed: " + out);
    }
}
