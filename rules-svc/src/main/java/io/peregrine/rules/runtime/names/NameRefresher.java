package io.peregrine.rules.runtime.names;

import io.peregrine.rules.engine.names.ResolvedNames;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Keeps the addresses of the host names the ruleset in force compares with (see
 * {@link ResolvedNames}) current, off the event path: every {@code interval} it resolves each
 * name, through the hosts file when one is configured and lists the name, else through the
 * system resolver, each lookup bounded by {@code timeout} on a small pool (a resolver that hangs
 * holds one pool thread, never the refresher). A failed lookup keeps the addresses a name had; a
 * name the resolver does not know gets none. A new ruleset gets the addresses already known at
 * once and is resolved in the background.
 */
public final class NameRefresher implements AutoCloseable {

    /** Resolves one name into (high, low) address pairs; empty when the name does not exist. */
    @FunctionalInterface
    public interface Resolver {
        long[] resolve(String name) throws Exception;
    }

    /** The system resolver (getaddrinfo, /etc/hosts, DNS). */
    public static final Resolver SYSTEM = name -> {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            return new long[0];
        }
        List<long[]> out = new ArrayList<>();
        for (InetAddress a : all) {
            out.add(pair(a));
        }
        long[] pairs = new long[out.size() * 2];
        for (int i = 0; i < out.size(); i++) {
            pairs[2 * i] = out.get(i)[0];
            pairs[2 * i + 1] = out.get(i)[1];
        }
        return pairs;
    };

    private final Resolver resolver;
    private final Path hostsFile;
    private final Duration timeout;
    private final int maxNames;
    private final Consumer<String> log;
    private final ExecutorService lookups;
    private final ScheduledExecutorService timer;
    private final AtomicReference<ResolvedNames> following = new AtomicReference<>();
    /** Addresses found so far, by name, handed to each new ruleset before its first lookup. */
    private final Map<String, long[]> known = new LinkedHashMap<>();
    private volatile Runnable onRound = () -> { };

    /**
     * @param hostsFile a file in /etc/hosts form answered before the resolver, or null
     * @param maxNames  most names resolved per round (the rest are reported and left unresolved)
     * @param log       receives problems (a hosts file that does not read, a lookup that timed out)
     */
    public NameRefresher(Resolver resolver, Path hostsFile, Duration interval, Duration timeout, int maxNames,
                         int lookupThreads, Consumer<String> log) {
        this.resolver = resolver;
        this.hostsFile = hostsFile;
        this.timeout = timeout;
        this.maxNames = maxNames;
        this.log = log;
        // A bounded queue: lookups stuck in a hung resolver cannot pile up tasks round after round.
        this.lookups = new java.util.concurrent.ThreadPoolExecutor(Math.max(1, lookupThreads), Math.max(1, lookupThreads),
                0, TimeUnit.MILLISECONDS, new java.util.concurrent.ArrayBlockingQueue<>(16), r -> {
            Thread t = new Thread(r, "rules-name-lookup");
            t.setDaemon(true);
            return t;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rules-name-refresh");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Follows a new ruleset's names: the hosts file's and the already known addresses at once (on
     * the caller's thread: a file read, no lookup), a lookup round right away in the background.
     */
    public void follow(ResolvedNames names) {
        fillKnown(names);
        following.set(names);
        timer.execute(this::round);
    }

    /** Resolves every name of {@code names} once, now, on the caller's thread (tests). */
    public void resolveNow(ResolvedNames names) {
        resolveAll(names, readHosts(), false);
    }

    /**
     * Gives {@code names} the addresses known without a lookup: the hosts file's and those found
     * for the rulesets followed so far (trials of a draft, which must not wait for a resolver).
     */
    public void fillKnown(ResolvedNames names) {
        HostsFile hosts = readHosts();
        for (String n : names.names()) {
            long[] a = hosts.lookup(n);
            if (a == null) {
                synchronized (known) {
                    a = known.get(n);
                }
            }
            if (a != null) {
                names.set(n, a);
            }
        }
    }

    /** Runs after every round (tests wait for it). */
    public void onRound(Runnable r) {
        onRound = r;
    }

    private void round() {
        ResolvedNames names = following.get();
        if (names != null) {
            try {
                resolveAll(names, readHosts(), true);
            } catch (RuntimeException e) {
                log.accept("host name refresh failed: " + e);
            }
        }
        onRound.run();
    }

    private HostsFile readHosts() {
        if (hostsFile == null) {
            return HostsFile.empty();
        }
        try {
            List<String> problems = new ArrayList<>();
            HostsFile h = HostsFile.read(hostsFile, problems);
            problems.forEach(p -> log.accept(hostsFile + ": " + p));
            return h;
        } catch (Exception e) {
            log.accept("hosts file " + hostsFile + " not read (" + e.getMessage() + "); names go to the resolver");
            return HostsFile.empty();
        }
    }

    private void resolveAll(ResolvedNames names, HostsFile hosts, boolean background) {
        List<String> all = names.names();
        if (all.size() > maxNames) {
            log.accept(all.size() + " host names in the ruleset; only the first " + maxNames + " are resolved");
            all = all.subList(0, maxNames);
        }
        List<String> rest = new ArrayList<>();
        for (String n : all) {     // the file's answers first: they never wait on a resolver
            long[] a = hosts.lookup(n);
            if (a == null) {
                rest.add(n);
            } else {
                found(names, n, a);
            }
        }
        for (String n : rest) {
            if (background && following.get() != names) {
                return;       // a newer ruleset is in force: its own round follows
            }
            long[] a = lookup(n);
            if (a != null) {      // null: failed, keep what the name had
                found(names, n, a);
            }
        }
    }

    private void found(ResolvedNames names, String n, long[] a) {
        names.set(n, a);
        synchronized (known) {
            known.put(n, a);
            if (known.size() > 4 * ResolvedNames.MAX_NAMES) {
                known.remove(known.keySet().iterator().next());
            }
        }
    }

    private long[] lookup(String name) {
        Future<long[]> f;
        try {
            f = lookups.submit(() -> resolver.resolve(name));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return null;
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            log.accept("lookup of '" + name + "' took more than " + timeout.toMillis() + " ms; kept its addresses");
            return null;
        } catch (ExecutionException e) {
            log.accept("lookup of '" + name + "' failed: " + e.getCause());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** An address as the (high, low) pair IpAddress uses: IPv4 mapped into IPv6. */
    static long[] pair(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            long v4 = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
            return new long[] {0, (0xFFFFL << 32) | v4};
        }
        long h = 0;
        long l = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (b[i] & 0xFF);
            l = (l << 8) | (b[i + 8] & 0xFF);
        }
        assert a instanceof Inet6Address;
        return new long[] {h, l};
    }

    @Override
    public void close() {
        timer.shutdownNow();
        lookups.shutdownNow();
    }
}
