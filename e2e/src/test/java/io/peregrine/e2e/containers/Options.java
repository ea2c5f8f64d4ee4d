package io.peregrine.e2e.containers;

import java.util.ArrayList;
import java.util.List;

/** How a test pod and its one container run: the variants the container rules look at. */
public final class Options {

    /** A host path bound into the container. */
    public record Mount(String hostPath, String containerPath, boolean readOnly) {
    }

    List<String> command = List.of("/bin/sleep", "3600");
    boolean privileged;
    boolean hostPid;
    boolean hostNetwork;
    boolean tty;
    Long runAsUser;
    final List<String> addCapabilities = new ArrayList<>();
    final List<Mount> mounts = new ArrayList<>();

    public static Options defaults() {
        return new Options();
    }

    public Options command(String... command) {
        this.command = List.of(command);
        return this;
    }

    /** Privileged container in a privileged sandbox (containerd refuses one without the other). */
    public Options privileged() {
        this.privileged = true;
        return this;
    }

    /** The host's PID namespace, for the sandbox and the container. */
    public Options hostPid() {
        this.hostPid = true;
        return this;
    }

    /** The host's network namespace (no CNI call). */
    public Options hostNetwork() {
        this.hostNetwork = true;
        return this;
    }

    /** A terminal for the container's first process (CRI tty and stdin). */
    public Options tty() {
        this.tty = true;
        return this;
    }

    public Options runAsUser(long uid) {
        this.runAsUser = uid;
        return this;
    }

    /**
     * Capabilities added to the runtime's default set, named as in a pod spec and as the kubelet
     * sends them (SYS_ADMIN, ...): containerd puts the CAP_ in front itself.
     */
    public Options addCapabilities(String... caps) {
        for (String c : caps) {
            addCapabilities.add(c.startsWith("CAP_") ? c.substring(4) : c);
        }
        return this;
    }

    public Options mount(String hostPath, String containerPath, boolean readOnly) {
        mounts.add(new Mount(hostPath, containerPath, readOnly));
        return this;
    }

    public boolean isPrivileged() {
        return privileged;
    }

    public boolean isHostPid() {
        return hostPid;
    }

    public boolean isHostNetwork() {
        return hostNetwork;
    }

    @Override
    public String toString() {
        List<String> s = new ArrayList<>();
        if (privileged) s.add("privileged");
        if (hostPid) s.add("hostPID");
        if (hostNetwork) s.add("hostNetwork");
        if (tty) s.add("tty");
        if (runAsUser != null) s.add("runAsUser=" + runAsUser);
        if (!addCapabilities.isEmpty()) s.add("add=" + addCapabilities);
        mounts.forEach(m -> s.add("mount " + m.hostPath() + ":" + m.containerPath() + (m.readOnly() ? ":ro" : "")));
        return s.isEmpty() ? "default" : String.join(", ", s);
    }
}
