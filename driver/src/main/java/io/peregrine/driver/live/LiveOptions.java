package io.peregrine.driver.live;

import io.peregrine.driver.bpf.Syscall;
import java.util.EnumSet;
import java.util.Set;

/**
 * How to start live capture.
 *
 * @param ringBytes   size of the BPF ring buffer, a power of two
 * @param syscalls    syscalls recorded from the start (changeable later with LiveSource.select)
 * @param excludeSelf leave this process's own syscalls out, so that the capture does not see itself
 * @param seed        emit the /proc scan's seed events before the live stream
 */
public record LiveOptions(int ringBytes, Set<Syscall> syscalls, boolean excludeSelf, boolean seed) {
    public static final int DEFAULT_RING_BYTES = 8 << 20;

    public LiveOptions {
        syscalls = syscalls.isEmpty() ? EnumSet.noneOf(Syscall.class) : EnumSet.copyOf(syscalls);
    }

    public static LiveOptions defaults() {
        return new LiveOptions(DEFAULT_RING_BYTES, Syscall.defaults(), true, true);
    }

    public LiveOptions withSyscalls(Set<Syscall> s) {
        return new LiveOptions(ringBytes, s, excludeSelf, seed);
    }

    public LiveOptions withSeed(boolean s) {
        return new LiveOptions(ringBytes, syscalls, excludeSelf, s);
    }

    public LiveOptions withRingBytes(int bytes) {
        return new LiveOptions(bytes, syscalls, excludeSelf, seed);
    }

    public LiveOptions withExcludeSelf(boolean e) {
        return new LiveOptions(ringBytes, syscalls, e, seed);
    }
}
