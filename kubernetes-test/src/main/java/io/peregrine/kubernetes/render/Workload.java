package io.peregrine.kubernetes.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.util.List;
import java.util.Optional;

/** What Deployments, DaemonSets and StatefulSets have in common: a selector and a pod template. */
public record Workload(HasMetadata object, LabelSelector selector, PodTemplateSpec template,
                       Integer replicas, List<PersistentVolumeClaim> claimTemplates) {

    public String kind() {
        return object.getKind();
    }

    public String name() {
        return object.getMetadata().getName();
    }

    public String namespace() {
        return object.getMetadata().getNamespace();
    }

    public static Optional<Workload> of(HasMetadata o) {
        return switch (o) {
            case Deployment d when d.getSpec() != null -> Optional.of(new Workload(d, d.getSpec().getSelector(),
                    d.getSpec().getTemplate(), d.getSpec().getReplicas(), List.of()));
            case DaemonSet d when d.getSpec() != null -> Optional.of(new Workload(d, d.getSpec().getSelector(),
                    d.getSpec().getTemplate(), null, List.of()));
            case StatefulSet s when s.getSpec() != null -> Optional.of(new Workload(s, s.getSpec().getSelector(),
                    s.getSpec().getTemplate(), s.getSpec().getReplicas(),
                    s.getSpec().getVolumeClaimTemplates() == null ? List.of() : s.getSpec().getVolumeClaimTemplates()));
            default -> Optional.empty();
        };
    }

    /** Replicas as the API server defaults them (1 when unset); DaemonSets have none. */
    public int replicasOrDefault() {
        return replicas == null ? 1 : replicas;
    }
}
