package io.peregrine.capture.ownpods;

/**
 * A running container as the container runtime describes it.
 *
 * @param id        the runtime's full container id
 * @param namespace the Kubernetes namespace of its pod (the kubelet's {@code io.kubernetes.pod.namespace} label)
 * @param name      the container's name in the pod spec ({@code io.kubernetes.container.name})
 * @param pid       the host pid of the container's main process (0 when the runtime does not say)
 */
public record RunningContainer(String id, String namespace, String name, long pid) {
}
