package io.peregrine.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.peregrine.kubernetes.render.ManifestSet;
import io.peregrine.kubernetes.schema.SchemaException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema check refuses what the API server would refuse, and says where. */
class StrictModelTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: example/web:1.0
                      ports:
                        - containerPort: 8080
            """;

    @Test
    void aWellFormedObjectIsReadIntoItsTypedClass() throws Exception {
        ManifestSet set = ManifestSet.parse(DEPLOYMENT, "test");
        Deployment d = set.all(Deployment.class).getFirst();
        assertEquals(2, d.getSpec().getReplicas());
        assertEquals(8080, d.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts().getFirst().getContainerPort());
    }

    @Test
    void aMisspeltFieldFailsWithItsPath() {
        var e = assertThrows(SchemaException.class, () -> ManifestSet.parse(
                DEPLOYMENT.replace("image: example/web:1.0", "imagePullPolice: Always\n          image: example/web:1.0"), "test"));
        assertTrue(e.getMessage().contains("imagePullPolice"), e.getMessage());
        assertTrue(e.getMessage().contains("spec.template.spec.containers[0]"), e.getMessage());
    }

    @Test
    void aFieldInTheWrongPlaceFails() {
        // hostPID belongs to the pod, not the container.
        var e = assertThrows(SchemaException.class, () -> ManifestSet.parse(
                DEPLOYMENT.replace("image: example/web:1.0", "hostPID: true\n          image: example/web:1.0"), "test"));
        assertTrue(e.getMessage().contains("hostPID"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        assertThrows(SchemaException.class, () -> ManifestSet.parse(DEPLOYMENT.replace("replicas: 2", "replicas: two"), "test"));
        // No coercion: a port written as a string is not a port.
        assertThrows(SchemaException.class, () -> ManifestSet.parse(
                DEPLOYMENT.replace("containerPort: 8080", "containerPort: \"8080\""), "test"));
        assertThrows(SchemaException.class, () -> ManifestSet.parse(
                DEPLOYMENT.replace("replicas: 2", "replicas: [2]"), "test"));
    }

    @Test
    void anUnknownKindOrApiVersionFails() {
        var e = assertThrows(SchemaException.class, () -> ManifestSet.parse(DEPLOYMENT.replace("apps/v1", "apps/v1beta1"), "test"));
        assertTrue(e.getMessage().contains("unknown apiVersion/kind 'apps/v1beta1/Deployment'"), e.getMessage());
        assertThrows(SchemaException.class, () -> ManifestSet.parse(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet"), "test"));
    }

    @Test
    void everyBadDocumentIsNamedInOneError() {
        String two = DEPLOYMENT.replace("replicas: 2", "replicas: two") + "---\n"
                + DEPLOYMENT.replace("name: web\n", "name: web2\n").replace("selector:", "selectr:");
        var e = assertThrows(SchemaException.class, () -> ManifestSet.parse(two, "test"));
        assertTrue(e.getMessage().contains("document 1") && e.getMessage().contains("document 2"), e.getMessage());
        assertTrue(e.getMessage().contains("selectr"), e.getMessage());
    }
}
