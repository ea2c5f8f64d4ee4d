package io.peregrine.state.extract;

import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.containers.ContainerInfo;
import io.peregrine.state.cri.CriContainer;
import io.peregrine.state.cri.CriResolver;
import io.peregrine.state.pods.PodDirectory;
import io.peregrine.state.pods.PodMeta;
import io.peregrine.state.threads.ThreadInfo;

import java.util.List;

/**
 * The {@code k8s.*} fields (libsinsp's k8s filtercheck): the pod uid from the thread's cgroups, name,
 * namespace and labels from the Kubernetes API, or from the kubelet's labels on the CRI container.
 */
final class K8sFields {

    enum K8s implements ExtractedField {
        POD_UID("k8s.pod.uid", "k8s.pod.id"), POD_NAME("k8s.pod.name"), NS_NAME("k8s.ns.name"),
        POD_LABEL("k8s.pod.label"), POD_LABELS("k8s.pod.labels");

        private final List<String> names;

        K8s(String... names) {
            this.names = List.of(names);
        }

        @Override
        public FieldFamily family() {
            return FieldFamily.K8S;
        }

        @Override
        public List<String> names() {
            return names;
        }
    }

    /** Pod metadata from the Kubernetes API; none outside a cluster (the names are absent). */
    private PodDirectory pods;
    /** The CRI runtime, whose container labels name the pod when there is no API server. */
    private CriResolver cri;

    void pods(PodDirectory directory) {
        this.pods = directory;
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
        K8s field = (K8s) f.field;
        if (field == K8s.POD_UID) {
            orAbsent(ci.podUid(), out);
            return;
        }
        PodMeta pod = ci.podUidText() == null || pods == null ? null : pods.get(ci.podUidText());
        byte[] v = pod == null ? null : switch (field) {
            case POD_NAME -> pod.name();
            case NS_NAME -> pod.namespace();
            case POD_LABELS -> pod.labelsText();
            default -> f.key == null ? null : pod.label(f.key);
        };
        if (pod == null && cri != null && !ci.isHost() && (field == K8s.POD_NAME || field == K8s.NS_NAME)) {
            // No API server: the kubelet's labels on the CRI container name the pod.
            CriContainer cc = cri.get(ci.fullIdText());
            v = cc == null ? null : field == K8s.POD_NAME ? cc.podNameBytes() : cc.podNamespaceBytes();
        }
        orAbsent(v, out);
    }

    private static void orAbsent(byte[] v, ProjectionEncoder out) {
        if (v == null) {
            out.absent();
        } else {
            out.bytes(v);
        }
    }
}
