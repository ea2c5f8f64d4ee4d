package io.peregrine.driver.live;

import io.peregrine.driver.bpf.Probe;
import io.peregrine.driver.bpf.Syscall;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How to start live capture.
 *
 * @param ringBytes     size of the BPF ring buffer, a power of two
 * @param syscalls      syscalls recorded from the start (changeable later with LiveSource.select)
 * @param excludeSelf   leave this process's own syscalls out, so that the capture does not see itself
 * @param seed          emit the /proc scan's seed events before the live stream
 * @param enterSyscalls syscalls that also produce their enter event (changeable later with
 *                      LiveSource.selectEnter); each must have one ({@link Syscall#hasEnterEvent()}).
 *                      Empty by default: exit events carry every parameter.
 * @param hostRoot      where the host's root is mounted: the seed scan reads {@code proc} and
 *                      {@code etc} under it ({@code /} on the host, e.g. {@code /host} in a pod)
 * @param excludePids   processes left out with every process they start (pids of the host, as
 *                      read under {@code hostRoot}/proc), e.g. the servers Peregrine depends on
 * @param excludeCgroups cgroup v2 directories whose processes, and those of the cgroups below them,
 *                      are left out
 * @param snaplen       bytes of an I/O call's buffer kept in its {@code data} parameter (read, write,
 *                      sendto, recvfrom, sendmsg, recvmsg), 0 to {@link Probe#MAX_SNAPLEN}; default
 *                      {@link Probe#DEFAULT_SNAPLEN}
 */
public record LiveOptions(int ringBytes, Set<Syscall> syscalls, boolean excludeSelf, boolean seed,
                          Set<Syscall> enterSyscalls, Path hostRoot, Set<Long> excludePids,
                          List<Path> excludeCgroups, int snaplen) {
    public static final int DEFAULT_RING_BYTES = 8 << 20;

    public LiveOptions {
        syscalls = syscalls.isEmpty() ? EnumSet.noneOf(Syscall.class) : EnumSet.copyOf(syscalls);
        excludePids = Set.copyOf(excludePids);
        excludeCgroups = List.copyOf(excludeCgroups);
        enterSyscalls = enterSyscalls.isEmpty() ? EnumSet.noneOf(Syscall.class) : EnumSet.copyOf(enterSyscalls);
        for (Syscall s : enterSyscalls) {
            if (!s.hasEnterEvent()) {
                throw new IllegalArgumentException("the probe has no enter event for " + s.syscallName()
                        + "; syscalls with enter events: " + Syscall.withEnterEvents());
            }
        }
        if (snaplen < 0 || snaplen > Probe.MAX_SNAPLEN) {
            throw new IllegalArgumentException("snaplen must be between 0 and " + Probe.MAX_SNAPLEN + " bytes: " + snaplen);
        }
    }

    public LiveOptions(int ringBytes, Set<Syscall> syscalls, boolean excludeSelf, boolean seed) {
        this(ringBytes, syscalls, excludeSelf, seed, Set.of());
    }

    public LiveOptions(int ringBytes, Set<Syscall> syscalls, boolean excludeSelf, boolean seed,
                       Set<Syscall> enterSyscalls) {
        this(ringBytes, syscalls, excludeSelf, seed, enterSyscalls, Path.of("/"));
    }

    public LiveOptions(int ringBytes, Set<Syscall> syscalls, boolean excludeSelf, boolean seed,
                       Set<Syscall> enterSyscalls, Path hostRoot) {
        this(ringBytes, syscalls, excludeSelf, seed, enterSyscalls, hostRoot, Set.of(), List.of(), Probe.DEFAULT_SNAPLEN);
    }

    public LiveOptions withHostRoot(Path root) {
        return new LiveOptions(ringBytes, syscalls, excludeSelf, seed, enterSyscalls, root, excludePids, excludeCgroups, snaplen);
    }

    /** Leaves out these processes and every process they start. */
    public LiveOptions withExcludePids(Set<Long> pids) {
        return new LiveOptions(ringBytes, syscalls, excludeSelf, seed, enterSyscalls, hostRoot, pids, excludeCgroups, snaplen);
    }

    /** Leaves out the processes of these cgroup v2 directories and of the cgroups below them. */
    public LiveOptions withExcludeCgroups(List<Path> cgroups) {
        return new LiveOptions(ringBytes, syscalls, excludeSelf, seed, enterSyscalls, hostRoot, excludePids, cgroups, snaplen);
    }

    public static LiveOptions defaults() {
        return new LiveOptions(DEFAULT_RING_BYTES, Syscall.defaults(), true, true);
    }

    public LiveOptions withSyscalls(Set<Syscall> s) {
        return new LiveOptions(ringBytes, s, excludeSelf, seed, enterSyscalls, hostRoot, excludePids, excludeCgroups, snaplen);
    }

    public LiveOptions withSeed(boolean s) {
        return new LiveOptions(ringBytes, syscalls, excludeSelf, s, enterSyscalls, hostRoot, excludePids, excludeCgroups, snaplen);
    }

    public LiveOptions withRingBytes(int bytes) {
        return new LiveOptions(bytes, syscalls, excludeSelf, seed, enterSyscalls, hostRoot, excludePids, excludeCgroups, snaplen);
    }

    public LiveOptions withExcludeSelf(boolean e) {
        return new LiveOptions(ringBytes, syscalls, e, seed, enterSyscalls, hostRoot, excludePids, excludeCgroups, snaplen);
    }

    public LiveOptions withEnterSyscalls(Set<Syscall> s) {
        return new LiveOptions(ringBytes, syscalls, excludeSelf, seed, s, hostRoot, excludePids, excludeCgroups, snaplen);
    }

    public LiveOptions withSnaplen(int bytes) {
        return new LiveOptions(ringBytes, syscalls, excludeSelf, seed, enterSyscalls, hostRoot, excludePids,
                excludeCgroups, bytes);
    }
}
