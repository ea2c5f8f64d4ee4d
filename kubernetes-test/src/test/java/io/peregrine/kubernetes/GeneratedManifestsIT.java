package io.peregrine.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.peregrine.kubernetes.drift.Shape;
import io.peregrine.kubernetes.render.ManifestSet;
import io.peregrine.kubernetes.render.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drift: the objects the quarkus-kubernetes extension generates for each service at build time
 * (from its application.properties) agree with kubernetes/base on every aspect {@link Shape}
 * compares. Runs after the services are packaged (failsafe, verify phase).
 */
class GeneratedManifestsIT {

    @ParameterizedTest
    @ValueSource(strings = {"capture-svc", "state-svc", "rules-svc", "notify-svc"})
    void generatedObjectsMatchTheKustomizeBase(String service) throws Exception {
        Path file = Rendered.repo().resolve(service).resolve("target/kubernetes/kubernetes.yml");
        assertTrue(Files.isRegularFile(file), file + " is missing: package " + service
                + " first (./mvnw -pl " + service + " -am package), the quarkus-kubernetes extension writes it");
        ManifestSet generated = ManifestSet.parse(Files.readString(file), file.toString());
        ManifestSet base = Rendered.set("base");

        for (HasMetadata o : generated.objects()) {
            boolean known = o instanceof Deployment || o instanceof Service;
            assertTrue(known, file + " has a " + o.getKind() + " (" + o.getMetadata().getName()
                    + "): only the Deployment and Service are compared; add a comparison for it");
        }
        Workload genWorkload = generated.workload(service).orElseThrow(() -> new AssertionError(file + " has no Deployment " + service));
        Service genService = generated.find(Service.class, service).orElseThrow(() -> new AssertionError(file + " has no Service " + service));
        Workload baseWorkload = base.workload(service).orElseThrow(() -> new AssertionError("kubernetes/base has no workload " + service));
        Service baseService = base.find(Service.class, service).orElseThrow(() -> new AssertionError("kubernetes/base has no Service " + service));

        List<String> diff = Shape.of(genWorkload, genService, service)
                .differences(Shape.of(baseWorkload, baseService, service), "generated", "kubernetes/base");
        assertEquals(List.of(), diff, service + " drifted (fix " + service + "/src/main/resources/application.properties"
                + " quarkus.kubernetes.* or kubernetes/base/" + service + ".yaml):\n" + String.join("\n", diff));
    }
}
