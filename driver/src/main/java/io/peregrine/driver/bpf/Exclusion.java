package io.peregrine.driver.bpf;

import java.util.Set;

/**
 * What the probe leaves out, by kernel identity only (never by a name a process can give itself):
 * thread groups as the kernel numbers them (the initial pid namespace's tgids), and cgroup v2 ids.
 *
 * @param tgids            thread groups excluded themselves, not the processes they start
 * @param withDescendants  thread groups excluded together with every process they fork from the
 *                         moment the probe is attached (the probe's fork hook propagates it)
 * @param cgroupIds        cgroup v2 ids (a cgroup directory's inode number) whose tasks, and
 *                         those of the cgroups below them, are excluded
 */
public record Exclusion(Set<Long> tgids, Set<Long> withDescendants, Set<Long> cgroupIds) {
    public static final Exclusion NONE = new Exclusion(Set.of(), Set.of(), Set.of());

    public Exclusion {
        tgids = Set.copyOf(tgids);
        withDescendants = Set.copyOf(withDescendants);
        cgroupIds = Set.copyOf(cgroupIds);
    }

    /** Only thread group {@code tgid} itself; none if {@code tgid} is 0. */
    public static Exclusion of(long tgid) {
        return tgid == 0 ? NONE : new Exclusion(Set.of(tgid), Set.of(), Set.of());
    }
}
