package io.peregrine.state.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.peregrine.state.sources.CriClient;
import io.peregrine.state.cri.CriResolver;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Container metadata (container.*, and k8s.* where no API server answers) from the node's CRI runtime, when
 * its socket is present: the configured sockets, else the usual ones, under the host root (the
 * DaemonSet mounts the host at {@code /host}). No socket: CRI stays off, with one log line.
 */
@ApplicationScoped
public class CriMetadataSource {
    private static final Logger LOG = Logger.getLogger(CriMetadataSource.class);

    /** Where containerd, CRI-O, cri-dockerd and k3s put their CRI sockets by default. */
    public static final List<String> DEFAULT_SOCKETS = List.of("/run/containerd/containerd.sock",
            "/run/crio/crio.sock", "/var/run/cri-dockerd.sock", "/run/k3s/containerd/containerd.sock",
            "/var/run/containerd/containerd.sock", "/var/run/crio/crio.sock");

    private final StateIngest ingest;
    private final MeterRegistry metrics;
    private final boolean enabled;
    private final Optional<List<String>> sockets;
    private final Optional<String> hostRoot;
    private final long timeoutMillis;
    private final int cacheLimit;
    private final long negativeSeconds;
    private final long waitMillis;
    private CriClient client;
    private CriResolver resolver;

    public CriMetadataSource(StateIngest ingest, MeterRegistry metrics, StateConfig config) {
        StateConfig.Cri cri = config.state().cri();
        this.ingest = ingest;
        this.metrics = metrics;
        this.enabled = cri.enabled();
        this.sockets = cri.sockets();
        this.hostRoot = config.hostRoot();
        this.timeoutMillis = cri.timeoutMs();
        this.cacheLimit = cri.cacheLimit();
        this.negativeSeconds = cri.negativeSeconds();
        this.waitMillis = cri.waitMs();
    }

    /** The first candidate that exists as a socket under the host root, if any. */
    public static Optional<Path> findSocket(String hostRoot, List<String> candidates) {
        for (String c : candidates) {
            String s = c.trim();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("unix://")) {
                s = s.substring("unix://".length());
            }
            Path p = hostRoot == null || hostRoot.isBlank() || hostRoot.equals("/") ? Path.of(s)
                    : Path.of(hostRoot, s.startsWith("/") ? s.substring(1) : s);
            if (Files.exists(p) && !Files.isDirectory(p) && !Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    void start(@Observes StartupEvent e) {
        if (!enabled) {
            LOG.info("CRI lookups turned off: container.name and container.image stay absent in containers");
            return;
        }
        List<String> candidates = sockets.orElse(DEFAULT_SOCKETS);
        Optional<Path> socket = findSocket(hostRoot.orElse(null), candidates);
        if (socket.isEmpty()) {
            LOG.infof("no CRI socket (%s under %s): container.name and container.image stay absent in containers",
                    String.join(", ", candidates), hostRoot.orElse("/"));
            return;
        }
        client = new CriClient(socket.get(), timeoutMillis);
        resolver = new CriResolver(client, cacheLimit, negativeSeconds * 1000, 1000, 60_000, 1024).waitMillis(waitMillis);
        ingest.applier().cri(resolver);
        metrics.gauge("peregrine_state_cri_containers", resolver, CriResolver::size);
        metrics.gauge("peregrine_state_cri_lookups", resolver, CriResolver::lookups);
        metrics.gauge("peregrine_state_cri_found", resolver, CriResolver::found);
        metrics.gauge("peregrine_state_cri_not_found", resolver, CriResolver::missing);
        metrics.gauge("peregrine_state_cri_failures", resolver, CriResolver::failures);
        metrics.gauge("peregrine_state_cri_malformed", resolver, CriResolver::malformed);
        metrics.gauge("peregrine_state_cri_evictions", resolver, CriResolver::evictions);
        metrics.gauge("peregrine_state_cri_dropped", resolver, CriResolver::dropped);
        metrics.gauge("peregrine_state_cri_deferred", resolver, CriResolver::deferred);
        metrics.gauge("peregrine_state_cri_backoff_ms", resolver, CriResolver::backoffMillis);
        metrics.gauge("peregrine_state_cri_waits", resolver, CriResolver::waits);
        metrics.gauge("peregrine_state_cri_wait_timeouts", resolver, CriResolver::waitTimeouts);
        metrics.gauge("peregrine_state_cri_waited_ms", resolver, CriResolver::waitedMillis);
        LOG.infof("container names and images from the CRI socket %s", socket.get());
    }

    void stop(@Observes ShutdownEvent e) {
        if (resolver != null) {
            resolver.close();
        }
        if (client != null) {
            client.close();
        }
    }
}
