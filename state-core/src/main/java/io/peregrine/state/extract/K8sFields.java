package io.peregrine.state.extract;

import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.containers.ContainerInfo;
import io.peregrine.state.cri.CriContainer;
import io.peregrine.state.cri.CriResolver;
import io.peregrine.state.cri.CriSandbox;
import io.peregrine.state.pods.PodDirectory;
import io.peregrine.state.pods.PodMeta;
import io.peregrine.state.threads.ThreadInfo;

import java.util.List;

/**
 * The {@code k8s.*} fields (libsinsp's k8s filtercheck): the pod uid from the thread's cgroups, name,
 * namespace and labels from the Kubernetes API, or else from the CRI runtime (the kubelet's labels
 * on the container, the pod sandbox's labels); sandbox id and pod address from the CRI runtime.
 */
final class K8sFields {

    enum K8s implements ExtractedField {
        POD_UID("k8s.pod.uid", "k8s.pod.id"), POD_NAME("k8s.pod.name"), NS_NAME("k8s.ns.name"),
        POD_LABEL("k8s.pod.label"), POD_LABELS("k8s.pod.labels"), POD_SANDBOX_ID("k8s.pod.sandbox_id"),
        POD_FULL_SANDBOX_ID("k8s.pod.full_sandbox_id"), POD_IP("k8s.pod.ip");

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
        if (field == K8s.POD_UID && ci.podUid() != null) {
            out.bytes(ci.podUid());
            return;
        }
        // The API server knows name, namespace, labels and address; sandbox ids only the runtime.
        boolean api = field != K8s.POD_UID && field != K8s.POD_SANDBOX_ID && field != K8s.POD_FULL_SANDBOX_ID;
        PodMeta pod = !api || ci.podUidText() == null || pods == null ? null : pods.get(ci.podUidText());
        byte[] v = pod == null ? null : switch (field) {
            case POD_NAME -> pod.name();
            case NS_NAME -> pod.namespace();
            case POD_LABELS -> pod.labelsText();
            case POD_IP -> pod.ip();
            default -> f.key == null ? null : pod.label(f.key);
        };
        if ((pod == null || (field == K8s.POD_IP && v == null)) && cri != null && !ci.isHost()) {
            // No answer from an API server: the CRI runtime's (a fresh container's first events wait for it).
            CriContainer cc = cri.resolve(ci.fullIdText());
            v = cc == null ? null : runtime(field, f, cc);
        }
        orAbsent(v, out);
    }

    private static byte[] runtime(K8s field, CompiledField f, CriContainer cc) {
        CriSandbox s = cc.sandbox();
        return switch (field) {
            case POD_UID -> s == null ? null : s.uidBytes();
            case POD_NAME -> cc.podNameBytes();
            case NS_NAME -> cc.podNamespaceBytes();
            case POD_LABELS -> s == null ? null : s.labelsText();
            case POD_LABEL -> s == null || f.key == null ? null : s.labelBytes().get(f.key);
            case POD_IP -> s == null ? null : s.ipBytes();
            case POD_SANDBOX_ID -> s != null ? s.shortIdBytes() : null;
            case POD_FULL_SANDBOX_ID -> s != null ? s.idBytes() : null;
        };
    }

    private static void orAbsent(byte[] v, ProjectionEncoder out) {
        if (v == null) {
            out.absent();
        } else {
            out.bytes(v);
        }
    }
}
