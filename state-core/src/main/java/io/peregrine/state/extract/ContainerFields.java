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
 * name, image and privileged from the capture's container events when replaying one, else name and image
 * from the CRI runtime.
 */
final class ContainerFields {

    enum Container implements ExtractedField {
        ID("container.id"), FULL_ID("container.full_id"), NAME("container.name"), TYPE("container.type"),
        /** From a capture's container events; the CRI runtime's answer does not carry it, so live it is absent. */
        PRIVILEGED("container.privileged"),
        IMAGE("container.image"), IMAGE_REPOSITORY("container.image.repository"), IMAGE_TAG("container.image.tag"),
        IMAGE_DIGEST("container.image.digest");

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
            case TYPE -> orAbsent(ci.type(), out);
            case PRIVILEGED -> {
                CapturedContainer cc = captured == null ? null : captured.get(ci);
                if (cc == null || cc.privileged() == null) {
                    out.absent();
                } else {
                    out.bool(cc.privileged());
                }
            }
        }
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
        // Absent until the runtime has answered (the lookup runs off this thread).
        CriContainer cc = cri == null ? null : cri.get(ci.fullIdText());
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
