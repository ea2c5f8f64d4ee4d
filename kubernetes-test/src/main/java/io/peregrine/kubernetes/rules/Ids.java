package io.peregrine.kubernetes.rules;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** How problems name an object: Kind/name. */
final class Ids {
    private Ids() {
    }

    static String of(HasMetadata o) {
        return o.getKind() + "/" + (o.getMetadata() == null ? "?" : o.getMetadata().getName());
    }
}
