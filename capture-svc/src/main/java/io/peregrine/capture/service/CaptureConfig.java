package io.peregrine.capture.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "peregrine.capture")
public interface CaptureConfig {

    /** {@code live} for the eBPF probe, or the path of a capture file (Peregrine or .scap) to replay. */
    @WithDefault("live")
    String source();

    /** Replay pace relative to the original timestamps; 0 replays as fast as possible. */
    @WithDefault("0")
    double speed();

    /** A frame is sent when it reaches this many bytes... */
    @WithDefault("262144")
    int frameBytes();

    /** ...or when its first event is this old. */
    @WithDefault("20")
    long frameMillis();

    /** Frames that may wait for NATS; beyond this, frames are dropped and counted as lost. */
    @WithDefault("256")
    int queueFrames();

    /**
     * How often the interest entry is read again and re-applied, in seconds (0: only on change), so
     * that a missed update or a changed kernel selection does not last.
     */
    @WithDefault("30")
    long interestRecheckSeconds();

    /** The node name; defaults to NODE_NAME (Kubernetes downward API), then the host name. */
    Optional<String> node();

    /** The host's /etc (users and groups): mounted elsewhere in a container, e.g. /host/etc. */
    @WithDefault("/etc")
    String hostEtc();

    /** Where the host's root is mounted: the live capture's /proc scan reads proc and etc under it. */
    @WithDefault("/")
    String hostRoot();

    /**
     * Syscalls whose enter events are captured too (comma-separated names, e.g. {@code openat,connect});
     * empty by default: exit events carry every parameter.
     */
    Optional<String> enterSyscalls();

    /**
     * Bytes of the buffer of read, write, sendto, recvfrom, sendmsg and recvmsg kept in the event's
     * data parameter (evt.buffer), 0 to 8192; Falco's default is 80. Costs only for the syscalls the
     * rules' interest selects.
     */
    @WithDefault("80")
    int snaplen();

    /** Where recordings are written. */
    @WithDefault("/var/lib/peregrine/recordings")
    String recordingsDir();

    /** What the live capture leaves out: Peregrine's own processes, by kernel identity, never by name. */
    Exclude exclude();

    interface Exclude {
        /** capture-svc's own process (not the processes it would start: it starts none). */
        @WithDefault("true")
        boolean self();

        /**
         * Processes left out together with every process they start (comma-separated pids, as the
         * host numbers them): the servers and services Peregrine runs on, e.g. nats-server and the
         * postmaster. {@code ./peregrine up} sets it.
         */
        Optional<Set<Long>> pids();

        /**
         * cgroup v2 directories (e.g. {@code /sys/fs/cgroup/kubepods.slice/...pod<uid>.slice})
         * whose processes, and those of the cgroups below them, are left out.
         */
        Optional<List<String>> cgroups();

        /** Peregrine's own pods on this node, found through the container runtime (Kubernetes). */
        OwnPods ownPods();
    }

    interface OwnPods {
        /** Find and exclude them; the manifests turn it on. */
        @WithDefault("false")
        boolean enabled();

        /** Peregrine's namespace; the manifests pass the pod's own (downward API). */
        Optional<String> namespace();

        /**
         * Names of Peregrine's containers in its pod specs: the main process of each (with what it
         * forks) is left out, not what is exec'd into the container later.
         */
        @WithDefault("capture-svc,state-svc,rules-svc,notify-svc,nats,postgresql")
        Set<String> containers();

        /** CRI sockets, under the host root; the first that exists is used. */
        @WithDefault("/run/containerd/containerd.sock,/run/crio/crio.sock,/run/cri-dockerd.sock,/run/k3s/containerd/containerd.sock")
        List<String> criSockets();

        /** Deadline of one CRI call. */
        @WithDefault("2000")
        long timeoutMs();

        /** How often the runtime is asked again, for pods started or restarted since. */
        @WithDefault("10")
        int periodSeconds();
    }

    /** Start capturing when the service starts (tests start their own pipelines). */
    @WithDefault("true")
    boolean autostart();
}
