package io.peregrine.capture.ownpods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The choice of Peregrine's own processes, against a fabricated /proc. */
class OwnProcessesTest {
    static final String NATS_ID = "a".repeat(64);
    static final String RULES_ID = "b".repeat(64);
    static final String OTHER_ID = "c".repeat(64);

    static void process(Path proc, long pid, String cgroupFile) throws IOException {
        Path d = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(d.resolve("cgroup"), cgroupFile);
    }

    @Test
    void onlyTheNamedContainersOfTheNamespaceWhoseCgroupNamesThemAreChosen(@TempDir Path proc) throws IOException {
        // systemd cgroup driver (containerd), cgroupfs driver, and cgroup v1 lines
        process(proc, 100, "0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1.slice/cri-containerd-"
                + NATS_ID + ".scope\n");
        process(proc, 200, "12:pids:/kubepods/besteffort/pod2/" + RULES_ID + "\n0::/\n");
        process(proc, 300, "0::/kubepods/besteffort/pod3/" + OTHER_ID + "\n");
        process(proc, 400, "0::/user.slice/user-0.slice/session-1.scope\n");
        OwnProcesses own = new OwnProcesses("peregrine", Set.of("nats", "rules-svc"), proc);
        Set<Long> chosen = own.among(List.of(
                new RunningContainer(NATS_ID, "peregrine", "nats", 100),
                new RunningContainer(RULES_ID, "peregrine", "rules-svc", 200),
                // named like ours, in another namespace: an impostor
                new RunningContainer(OTHER_ID, "default", "nats", 300),
                // our namespace, not one of our containers (e.g. a debug pod someone started there)
                new RunningContainer(OTHER_ID, "peregrine", "debug", 300),
                // the runtime's pid is now another process's, outside the container
                new RunningContainer(OTHER_ID, "peregrine", "nats", 400),
                // gone since the listing
                new RunningContainer(OTHER_ID, "peregrine", "nats", 500),
                // the runtime gave no pid
                new RunningContainer(OTHER_ID, "peregrine", "nats", 0)));
        assertEquals(Set.of(100L, 200L), chosen);
    }

    @Test
    void aContainerIdMustBeLongEnoughToTellCgroupsApart(@TempDir Path proc) throws IOException {
        process(proc, 100, "0::/kubepods/besteffort/pod1/" + NATS_ID + "\n");
        OwnProcesses own = new OwnProcesses("peregrine", Set.of("nats"), proc);
        assertEquals(Set.of(), own.among(List.of(new RunningContainer("a", "peregrine", "nats", 100),
                new RunningContainer("", "peregrine", "nats", 100))));
    }

    @Test
    void aNamespaceIsRequired(@TempDir Path proc) {
        assertThrows(IllegalArgumentException.class, () -> new OwnProcesses("", Set.of("nats"), proc));
        assertThrows(IllegalArgumentException.class, () -> new OwnProcesses(null, Set.of("nats"), proc));
    }
}
