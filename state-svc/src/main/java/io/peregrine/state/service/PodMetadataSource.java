package io.peregrine.state.service;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.peregrine.state.pods.PodDirectory;
import io.peregrine.state.sources.PodWatcher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Pod names, namespaces and labels for the k8s.* fields, from the Kubernetes API, only when
 * running in a cluster (a service account token is mounted) or when an API server is configured.
 * Outside a cluster nothing is started and the fields stay absent.
 */
@ApplicationScoped
public class PodMetadataSource {
    private static final Logger LOG = Logger.getLogger(PodMetadataSource.class);
    static final Path TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    private final StateIngest ingest;
    private final MeterRegistry metrics;
    private final Optional<Boolean> enabled;
    private final Optional<String> apiUrl;
    private final Optional<String> node;
    private final long resyncSeconds;
    private final int limit;
    private KubernetesClient client;
    private PodWatcher watcher;
    private PodDirectory directory;

    public PodMetadataSource(StateIngest ingest, MeterRegistry metrics, StateConfig config) {
        StateConfig.K8s k8s = config.state().k8s();
        this.ingest = ingest;
        this.metrics = metrics;
        this.enabled = k8s.enabled();
        this.apiUrl = k8s.apiUrl();
        this.node = k8s.node();
        this.resyncSeconds = k8s.resyncSeconds();
        this.limit = k8s.podLimit();
    }

    void start(@Observes StartupEvent e) {
        boolean on = enabled.orElse(apiUrl.isPresent() || Files.exists(TOKEN));
        if (!on) {
            LOG.info("not in a Kubernetes cluster: k8s.pod.name, k8s.ns.name and pod labels stay absent");
            return;
        }
        Config config = apiUrl.isPresent() ? new ConfigBuilder().withMasterUrl(apiUrl.get()).build() : Config.autoConfigure(null);
        client = new KubernetesClientBuilder().withConfig(config).build();
        directory = new PodDirectory(limit);
        watcher = new PodWatcher(directory);
        // This node's pods only (DaemonSet: NODE_NAME from the downward API); all pods when unknown.
        String n = node.orElse(System.getenv("NODE_NAME"));
        watcher.start(client, n, resyncSeconds * 1000, true);
        ingest.applier().pods(directory);
        metrics.gauge("peregrine_state_k8s_pods", directory, PodDirectory::size);
        metrics.gauge("peregrine_state_k8s_pods_refused", directory, PodDirectory::refused);
        metrics.gauge("peregrine_state_k8s_pod_updates", watcher, PodWatcher::updates);
        LOG.infof("following the pods of %s at %s", n == null ? "every node" : "node " + n, config.getMasterUrl());
    }

    void stop(@Observes ShutdownEvent e) {
        if (watcher != null) {
            watcher.close();
        }
        if (client != null) {
            client.close();
        }
    }

    /** The directory in use, or null outside a cluster. */
    public PodDirectory directory() {
        return directory;
    }
}
