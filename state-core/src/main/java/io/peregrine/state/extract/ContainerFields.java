package io.peregrine.state.extract;

import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.containers.CapturedContainer;
import io.peregrine.state.containers.CapturedContainers;
import io.peregrine.state.containers.ContainerInfo;
import io.peregrine.state.cri.CriContainer;
import io.peregrine.state.cri.CriResolver;
import io.peregrine.state.threads.ThreadInfo;

import java.util.List;

/**
 * The {@code container.*} fields (libsinsp's container filtercheck): the id from the thread's cgroups,
 * name, image and privileged from the capture's container events when replaying one, else everything
 * from the CRI runtime's verbose container status and its pod sandbox's status.
 */
final class ContainerFields {

    enum Container implements ExtractedField {
        ID("container.id"), FULL_ID("container.full_id"), NAME("container.name"), TYPE("container.type"),
        /** From a capture's container events, else from the runtime's JSON in the verbose CRI status. */
        PRIVILEGED("container.privileged"),
        IMAGE("container.image"), IMAGE_REPOSITORY("container.image.repository"), IMAGE_TAG("container.image.tag"),
        IMAGE_DIGEST("container.image.digest"), IMAGE_ID("container.image.id"),
        MOUNTS("container.mounts"), MOUNT("container.mount"), MOUNT_SOURCE("container.mount.source"),
        MOUNT_DEST("container.mount.dest"), MOUNT_MODE("container.mount.mode"), MOUNT_RDWR("container.mount.rdwr"),
        MOUNT_PROPAGATION("container.mount.propagation"),
        /** CRI tells no probes: "NONE" for a container the runtime described, as libsinsp says for one without. */
        HEALTHCHECK("container.healthcheck"), LIVENESS_PROBE("container.liveness_probe"),
        READINESS_PROBE("container.readiness_probe"),
        /** The start of the thread's pid namespace's init, the clock of proc.pidns_init_start_ts. */
        START_TS("container.start_ts"),
        /** The pod sandbox's IPv4 address (0.0.0.0 in the host's network). */
        IP("container.ip"),
        /** The pod sandbox shares the host's pid, network, IPC namespace (CRI namespace options: NODE). */
        HOST_PID("container.host_pid"), HOST_NETWORK("container.host_network"), HOST_IPC("container.host_ipc");

        private final List<String> names;

        Container(String... names) {
            this.names = List.of(names);
        }

        @Override
        public FieldFamily family() {
            return FieldFamily.CONTAINER;
        }

        @Override
        public List<String> names() {
            return names;
        }
    }

    private static final byte[] HOST = {'h', 'o', 's', 't'};
    private static final byte[] NONE = {'N', 'O', 'N', 'E'};

    /** Container names and images from the CRI runtime; none without a socket (the fields are absent). */
    private CriResolver cri;

    private CapturedContainers captured;

    void captured(CapturedContainers c) {
        this.captured = c;
    }

    void cri(CriResolver resolver) {
        this.cri = resolver;
    }

    void extract(CompiledField f, ThreadInfo t, ProjectionEncoder out) {
        if (t == null) {
            out.absent();
            return;
        }
        ContainerInfo ci = t.container;
        switch ((Container) f.field) {
            case ID -> out.bytes(ci.id());
            case FULL_ID -> out.bytes(ci.fullId());
            case NAME, IMAGE, IMAGE_REPOSITORY, IMAGE_TAG, IMAGE_DIGEST -> runtime((Container) f.field, ci, out);
            case TYPE -> {
                if (ci.isHost()) {
                    out.bytes(HOST);
                } else {
                    CriContainer cc = captured(ci) == null ? resolved(ci) : null;
                    orAbsent(cc != null && cc.typeBytes() != null ? cc.typeBytes() : ci.type(), out);
                }
            }
            case PRIVILEGED -> {
                CapturedContainer cap = captured(ci);
                Boolean p = cap != null ? cap.privileged() : ci.isHost() ? null : privileged(resolved(ci));
                if (p == null) {
                    out.absent();
                } else {
                    out.bool(p);
                }
            }
            case START_TS -> {
                if (ci.isHost() || t.pidnsInitStartTs == 0) {
                    out.absent();
                } else {
                    out.uint64(t.pidnsInitStartTs);
                }
            }
            default -> spec((Container) f.field, f, ci, out);
        }
    }

    private CapturedContainer captured(ContainerInfo ci) {
        return captured == null ? null : captured.get(ci);
    }

    /** The runtime's description, waiting for a lookup in flight within the resolver's bound. */
    private CriContainer resolved(ContainerInfo ci) {
        return cri == null || ci.isHost() ? null : cri.resolve(ci.fullIdText());
    }

    private static Boolean privileged(CriContainer cc) {
        return cc == null ? null : cc.spec().privileged();
    }

    /** Fields only the runtime's verbose answer and its sandbox tell. */
    private void spec(Container field, CompiledField f, ContainerInfo ci, ProjectionEncoder out) {
        CriContainer cc = resolved(ci);
        if (cc == null) {
            out.absent();
            return;
        }
        switch (field) {
            case IMAGE_ID -> orAbsent(cc.spec().imageIdBytes(), out);
            case MOUNTS -> out.bytes(cc.spec().mountsText());
            case HEALTHCHECK, LIVENESS_PROBE, READINESS_PROBE -> out.bytes(NONE);
            case IP -> orAbsent(cc.sandbox() == null ? null : cc.sandbox().ipBytes(), out);
            case HOST_PID, HOST_NETWORK, HOST_IPC -> {
                if (cc.sandbox() == null) {
                    out.absent();     // a container the runtime runs outside a pod sandbox: unknown
                } else {
                    out.bool(switch (field) {
                        case HOST_PID -> cc.sandbox().hostPid();
                        case HOST_NETWORK -> cc.sandbox().hostNetwork();
                        default -> cc.sandbox().hostIpc();
                    });
                }
            }
            default -> {
                CriContainer.Mount m = mount(cc.spec().mounts(), f, field == Container.MOUNT_SOURCE);
                if (m == null) {
                    out.absent();
                    return;
                }
                out.bytes(switch (field) {
                    case MOUNT -> m.text();
                    case MOUNT_SOURCE -> m.sourceBytes();
                    case MOUNT_DEST -> m.destBytes();
                    case MOUNT_MODE -> m.modeBytes();
                    case MOUNT_RDWR -> m.rdwrBytes();
                    default -> m.propagationBytes();
                });
            }
        }
    }

    /**
     * The mount an argument names: a number is an index, anything else a glob matched against the
     * mount's source (its destination for {@code container.mount.source}); the first match wins.
     */
    static CriContainer.Mount mount(List<CriContainer.Mount> mounts, CompiledField f, boolean byDest) {
        if (f.key == null) {
            return null;
        }
        if (f.index >= 0) {
            return f.index < mounts.size() ? mounts.get(f.index) : null;
        }
        for (int i = 0; i < mounts.size(); i++) {
            CriContainer.Mount m = mounts.get(i);
            if (Glob.matches(f.key, byDest ? m.dest() : m.source())) {
                return m;
            }
        }
        return null;
    }

    private void runtime(Container field, ContainerInfo ci, ProjectionEncoder out) {
        if (ci.isHost()) {
            if (field == Container.NAME) {
                out.bytes(HOST);
            } else {
                out.absent();
            }
            return;
        }
        CapturedContainer cap = captured == null ? null : captured.get(ci);
        if (cap != null) {
            orAbsent(switch (field) {
                case NAME -> cap.name();
                case IMAGE -> cap.image();
                case IMAGE_REPOSITORY -> cap.repository();
                case IMAGE_TAG -> cap.tag();
                default -> cap.digest();
            }, out);
            return;
        }
        // Absent until the runtime has answered (the lookup runs off this thread; a fresh
        // container's first events wait for it, within the resolver's bound).
        CriContainer cc = resolved(ci);
        orAbsent(cc == null ? null : switch (field) {
            case NAME -> cc.nameBytes();
            case IMAGE -> cc.imageBytes();
            case IMAGE_REPOSITORY -> cc.repositoryBytes();
            case IMAGE_TAG -> cc.tagBytes();
            default -> cc.digestBytes();
        }, out);
    }

    private static void orAbsent(byte[] v, ProjectionEncoder out) {
        if (v == null) {
            out.absent();
        } else {
            out.bytes(v);
        }
    }
}
