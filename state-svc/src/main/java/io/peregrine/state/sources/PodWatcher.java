package io.peregrine.state.sources;

import io.peregrine.state.pods.PodMeta;
import io.peregrine.state.pods.PodDirectory;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows the pods of one node (or of the cluster when no node is given) through the API server:
 * a list, then a watch, re-listed every resync period, as the client's informer does. Every pod
 * added or changed replaces its entry in the {@link PodDirectory}; a deleted pod leaves it. Runs
 * on the client's threads, never on the event thread.
 */
public final class PodWatcher implements AutoCloseable {
    private final PodDirectory directory;
    private final AtomicLong updates = new AtomicLong();
    private SharedIndexInformer<Pod> informer;
    private String node;

    public PodWatcher(PodDirectory directory) {
        this.directory = directory;
    }

    /**
     * Starts following pods; returns at once, the first list arrives in the background. With
     * {@code selectOnServer} the API server sends only the node's pods (field selector
     * {@code spec.nodeName}); pods of other nodes are left out here in any case.
     */
    public void start(KubernetesClient client, String node, long resyncMillis, boolean selectOnServer) {
        this.node = node == null || node.isBlank() ? null : node;
        var pods = client.pods().inAnyNamespace();
        var selected = this.node == null || !selectOnServer ? pods : pods.withField("spec.nodeName", this.node);
        informer = selected.inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                put(pod);
            }

            @Override
            public void onUpdate(Pod old, Pod pod) {
                put(pod);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                ObjectMeta m = pod.getMetadata();
                if (m != null && m.getUid() != null) {
                    directory.remove(m.getUid());
                    updates.incrementAndGet();
                }
            }
        }, resyncMillis);
    }

    private void put(Pod pod) {
        ObjectMeta m = pod.getMetadata();
        if (m == null || m.getUid() == null) {
            return;
        }
        if (node != null && (pod.getSpec() == null || !node.equals(pod.getSpec().getNodeName()))) {
            // Not (or no longer) on this node: its processes are not in this node's events.
            directory.remove(m.getUid());
            return;
        }
        // A pod in the host's network has the node's address as its podIP; libsinsp says 0.0.0.0 for it.
        boolean hostNetwork = pod.getSpec() != null && Boolean.TRUE.equals(pod.getSpec().getHostNetwork());
        String ip = pod.getStatus() == null ? null : hostNetwork ? "0.0.0.0" : pod.getStatus().getPodIP();
        directory.put(new PodMeta(m.getUid(), m.getName(), m.getNamespace(), m.getLabels(), ip));
        updates.incrementAndGet();
    }

    /** True once the first list has been applied. */
    public boolean synced() {
        return informer != null && informer.hasSynced();
    }

    /** Pod additions, changes and deletions applied so far. */
    public long updates() {
        return updates.get();
    }

    @Override
    public void close() {
        if (informer != null) {
            informer.close();
        }
    }
}
