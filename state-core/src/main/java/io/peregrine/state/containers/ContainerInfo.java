package io.peregrine.state.containers;

import java.nio.charset.StandardCharsets;

/**
 * What the cgroup path tells about a thread's container: its id (12 characters, Falco's
 * container.id), the full id, the runtime, and the Kubernetes pod uid. Text as UTF-8 bytes; the full
 * id and the pod uid also as text, the keys of the CRI and pod metadata lookups (kept here so the
 * event path allocates none).
 */
public record ContainerInfo(byte[] id, byte[] fullId, byte[] type, byte[] podUid, String podUidText,
                            String fullIdText) {

    /** Threads outside any container: container.id is "host". */
    public static final ContainerInfo HOST = new ContainerInfo(bytes("host"), bytes("host"), null, null, null, null);

    public boolean isHost() {
        return this == HOST;
    }

    public String idText() {
        return new String(id, StandardCharsets.UTF_8);
    }

    public String typeText() {
        return type == null ? null : new String(type, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
