package io.peregrine.rules.engine.names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The host names one ruleset compares addresses with ({@code fd.sip.name = "kubernetes.default.svc.cluster.local"},
 * {@code fd.sip.name in (miner_domains)}), and their addresses as last resolved. Names are not
 * looked up from events (there is no reverse lookup): the compiler registers the names its rules
 * list, a background refresher resolves them and {@link #set}s their addresses, and an event
 * matches when its address is among them. Until a name is resolved it matches no address.
 *
 * <p>Registering happens at compile time only; {@link #set} may run at any time on another
 * thread; {@link #contains} is for the hot path (one volatile read, no allocation).
 */
public final class ResolvedNames {

    /** Most names one ruleset may compare with. */
    public static final int MAX_NAMES = 4096;
    /** Most addresses kept for one name. */
    public static final int MAX_ADDRESSES = 32;

    private static final long[] NONE = new long[0];

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    /** Per name, its addresses as (high, low) pairs (IPv4 mapped into IPv6, as IpAddress does). */
    private volatile long[][] addresses = new long[0][];

    /** The normal form of a name: lower case, without a trailing dot. */
    public static String normal(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /**
     * Registers a name (compile time) and returns its index; the same name gets the same index.
     *
     * @throws IllegalArgumentException when the name is not a host name or the ruleset already
     *                                  names {@link #MAX_NAMES}
     */
    public synchronized int register(String name) {
        String n = normal(name);
        Integer known = index.get(n);
        if (known != null) {
            return known;
        }
        if (!plausible(n)) {
            throw new IllegalArgumentException("'" + name + "' is not a host name");
        }
        if (names.size() >= MAX_NAMES) {
            throw new IllegalArgumentException("more than " + MAX_NAMES + " host names compared with addresses");
        }
        index.put(n, names.size());
        names.add(n);
        long[][] grown = Arrays.copyOf(addresses, names.size());
        grown[names.size() - 1] = NONE;
        addresses = grown;
        return names.size() - 1;
    }

    /** Letters, digits, '-', '_' and '.', 1 to 253 characters: what a resolver could answer for. */
    private static boolean plausible(String n) {
        if (n.isEmpty() || n.length() > 253) {
            return false;
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** The registered names, in registration order. */
    public synchronized List<String> names() {
        return List.copyOf(names);
    }

    public synchronized int size() {
        return names.size();
    }

    /**
     * Replaces the addresses of a registered name (unknown names are ignored); {@code pairs} holds
     * (high, low) pairs, at most {@link #MAX_ADDRESSES} of them are kept.
     */
    public synchronized void set(String name, long[] pairs) {
        Integer i = index.get(normal(name));
        if (i == null) {
            return;
        }
        int n = Math.min(pairs.length / 2, MAX_ADDRESSES) * 2;
        long[][] next = addresses.clone();
        next[i] = Arrays.copyOf(pairs, n);
        addresses = next;
    }

    /** The addresses of a registered name as (high, low) pairs; empty when not (yet) resolved. */
    public long[] addresses(String name) {
        Integer i;
        synchronized (this) {
            i = index.get(normal(name));
        }
        return i == null ? NONE : addresses[i].clone();
    }

    /** True when the address is one of those of the names with the given indexes. */
    public boolean contains(int[] which, long high, long low) {
        long[][] a = addresses;
        for (int w : which) {
            long[] pairs = a[w];
            for (int k = 0; k < pairs.length; k += 2) {
                if (pairs[k] == high && pairs[k + 1] == low) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first registered name one of whose addresses this is, or null (for outputs, not the hot path). */
    public String nameOf(long high, long low) {
        long[][] a = addresses;
        List<String> ns = names();
        for (int w = 0; w < Math.min(a.length, ns.size()); w++) {
            long[] pairs = a[w];
            for (int k = 0; k < pairs.length; k += 2) {
                if (pairs[k] == high && pairs[k + 1] == low) {
                    return ns.get(w);
                }
            }
        }
        return null;
    }
}
