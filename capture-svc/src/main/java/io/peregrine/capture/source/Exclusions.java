package io.peregrine.capture.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What the live capture leaves out, by kernel identity (see docs/driver.md, "Exclusion").
 *
 * @param self    capture-svc's own process
 * @param pids    processes left out with every process they start (the host's pids)
 * @param cgroups cgroup v2 directories left out with the cgroups below them
 */
public record Exclusions(boolean self, Set<Long> pids, List<Path> cgroups) {
    public static final Exclusions SELF = new Exclusions(true, Set.of(), List.of());

    public Exclusions {
        pids = Set.copyOf(pids);
        cgroups = List.copyOf(cgroups);
    }
}
