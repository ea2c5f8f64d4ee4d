package io.peregrine.state.fds;

import java.util.Arrays;

/**
 * The machine's own IP addresses (a capture's interface list). libsinsp's fd.is_server asks
 * whether a socket's server address is one of them, so a connect to a local listening port is on
 * the server side too, and fd.lip/lport whether the client address is. An IPv4 address must be
 * an interface's; an IPv6 one need only share an interface's first 64 bits (its /64 network, the
 * test libsinsp makes), so {@code ::} (an unconnected IPv6 socket) is local wherever {@code ::1}
 * is. Few entries, searched linearly; IPv4 in the low 32 bits.
 */
public final class LocalAddresses {
    private long[] hi = new long[8];
    private long[] lo = new long[8];
    private byte[] version = new byte[8];
    private int size;

    public void add(int ipVersion, long addrHi, long addrLo) {
        if (contains(ipVersion, addrHi, addrLo)) {
            return;
        }
        if (size == lo.length) {
            hi = Arrays.copyOf(hi, size * 2);
            lo = Arrays.copyOf(lo, size * 2);
            version = Arrays.copyOf(version, size * 2);
        }
        hi[size] = addrHi;
        lo[size] = addrLo;
        version[size] = (byte) ipVersion;
        size++;
    }

    public boolean contains(int ipVersion, long addrHi, long addrLo) {
        for (int i = 0; i < size; i++) {
            if (version[i] == ipVersion && hi[i] == addrHi && (ipVersion == 6 || lo[i] == addrLo)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
