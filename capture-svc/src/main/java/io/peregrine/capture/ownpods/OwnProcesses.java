package io.peregrine.capture.ownpods;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which processes are Peregrine's own services on this node: the main process of each container
 * of Peregrine's namespace whose name is one of the services'. Only the main process (and what it
 * forks, which the probe follows) is chosen, never the container's cgroup: a process the runtime
 * starts in the container later ({@code kubectl exec}, an exec probe) is not a descendant of it,
 * and stays visible.
 *
 * <p>The pid comes from the runtime; it is accepted only if the host's {@code /proc/<pid>/cgroup}
 * names the container's id, so a pid the runtime reported for a container that has since exited,
 * reused by another process, is not excluded.
 */
public final class OwnProcesses {
    private final String namespace;
    private final Set<String> containerNames;
    private final Path proc;

    /**
     * @param namespace      Peregrine's namespace
     * @param containerNames the names of Peregrine's containers in its pod specs
     * @param proc           the host's /proc
     */
    public OwnProcesses(String namespace, Set<String> containerNames, Path proc) {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("Peregrine's namespace is needed to find its own containers");
        }
        this.namespace = namespace;
        this.containerNames = Set.copyOf(containerNames);
        this.proc = proc;
    }

    public String namespace() {
        return namespace;
    }

    public Set<String> containerNames() {
        return containerNames;
    }

    /** The host pids of the main processes of Peregrine's containers among {@code running}. */
    public Set<Long> among(List<RunningContainer> running) {
        Set<Long> pids = new TreeSet<>();
        for (RunningContainer c : running) {
            if (namespace.equals(c.namespace()) && containerNames.contains(c.name()) && c.pid() > 0
                    && inContainer(c.pid(), c.id())) {
                pids.add(c.pid());
            }
        }
        return pids;
    }

    /** Whether process {@code pid}'s cgroup path names container {@code id}. */
    boolean inContainer(long pid, String id) {
        if (id == null || id.length() < 12) {
            return false; // too short to tell one container's cgroup from another's
        }
        String cgroups;
        try {
            cgroups = Files.readString(proc.resolve(Long.toString(pid)).resolve("cgroup"), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            return false;
        }
        for (String line : cgroups.split("\n")) {
            // hierarchy-id:controllers:path; cgroup v2 is "0::path", v1 lines name controllers
            int second = line.indexOf(':', line.indexOf(':') + 1);
            if (second >= 0 && line.indexOf(id, second) >= 0) {
                return true;
            }
        }
        return false;
    }
}
