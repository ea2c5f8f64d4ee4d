package io.peregrine.state.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * state-svc's settings: {@code peregrine.state.*}, and {@code peregrine.host-root}, which names where
 * the host is mounted for every service that reads the host (hence the wider prefix).
 */
@ConfigMapping(prefix = "peregrine")
public interface StateConfig {

    /** Where the host's root is mounted (e.g. /host in the DaemonSet); absent: this is the host. */
    Optional<String> hostRoot();

    State state();

    interface State {

        /**
         * This node's name: only {@code peregrine.raw.<node>} is followed, and only frames that name
         * this node are applied. Absent: NODE_NAME, else the host name, as capture-svc.
         */
        Optional<String> node();

        Cri cri();

        K8s k8s();

        Resync resync();
    }

    /** Container metadata from the node's CRI runtime. */
    interface Cri {

        @WithDefault("true")
        boolean enabled();

        /** Candidate sockets; absent: the usual ones of containerd, CRI-O, cri-dockerd and k3s. */
        Optional<List<String>> sockets();

        @WithDefault("2000")
        long timeoutMs();

        @WithDefault("4096")
        int cacheLimit();

        /** How long a container the runtime did not know stays unknown before it is asked again. */
        @WithDefault("60")
        long negativeSeconds();

        /**
         * How long the event thread waits, once per lookup, for the runtime's answer about a
         * container it has just met (0: never), so a fresh container's first exec carries its
         * name and pod.
         */
        @WithDefault("1000")
        long waitMs();
    }

    /** Pod metadata from the Kubernetes API. */
    interface K8s {

        /** Absent: on when a service account token is mounted or an API server is configured. */
        Optional<Boolean> enabled();

        Optional<String> apiUrl();

        /** The node whose pods are followed; absent: NODE_NAME, else every node. */
        Optional<String> node();

        @WithDefault("300")
        long resyncSeconds();

        @WithDefault("8192")
        int podLimit();
    }

    /** Repair of this node's thread and fd tables against /proc. */
    interface Resync {

        /** 0 turns the resync off. */
        @WithDefault("60")
        long intervalSeconds();

        @WithDefault("10")
        long graceSeconds();

        @WithDefault("/proc")
        String proc();
    }
}
