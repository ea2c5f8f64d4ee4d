package io.peregrine.kubernetes;

import io.fabric8.kubernetes.api.model.Service;
import io.peregrine.kubernetes.drift.Shape;
import io.peregrine.kubernetes.render.ManifestSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drift comparison sees each compared aspect change, and ignores what it does not compare. */
class ShapeTest {

    private static Shape shape(ManifestSet set, String name) {
        return Shape.of(set.workload(name).orElseThrow(), set.find(Service.class, name).orElseThrow(), name);
    }

    @Test
    void identicalObjectsHaveNoDifference() throws Exception {
        ManifestSet base = Rendered.set("base");
        assertEquals(List.of(), shape(base, "rules-svc").differences(shape(base, "rules-svc"), "a", "b"));
    }

    @Test
    void eachComparedAspectIsSeen() throws Exception {
        ManifestSet base = Rendered.set("base");
        Shape before = shape(base, "rules-svc");
        record Case(String aspect, java.util.function.Consumer<List<com.fasterxml.jackson.databind.node.ObjectNode>> change) {
        }
        var cases = List.of(
                new Case("ports", d -> ((com.fasterxml.jackson.databind.node.ObjectNode) Rendered.container(Rendered.find(d, "Deployment", "rules-svc"), 0)
                        .path("ports").get(0)).put("containerPort", 8080)),
                new Case("readiness probe", d -> ((com.fasterxml.jackson.databind.node.ObjectNode) Rendered.container(Rendered.find(d, "Deployment", "rules-svc"), 0)
                        .path("readinessProbe").path("httpGet")).put("path", "/health")),
                new Case("env PEREGRINE_EXTRA", d -> ((com.fasterxml.jackson.databind.node.ArrayNode) Rendered.container(Rendered.find(d, "Deployment", "rules-svc"), 0)
                        .path("env")).addObject().put("name", "PEREGRINE_EXTRA").put("value", "1")),
                new Case("pod labels", d -> ((com.fasterxml.jackson.databind.node.ObjectNode) Rendered.find(d, "Deployment", "rules-svc")
                        .path("spec").path("template").path("metadata").path("labels")).put("tier", "x")),
                new Case("service ports", d -> ((com.fasterxml.jackson.databind.node.ObjectNode) Rendered.find(d, "Service", "rules-svc")
                        .path("spec").path("ports").get(0)).put("port", 80)),
                new Case("limits memory", d -> ((com.fasterxml.jackson.databind.node.ObjectNode) Rendered.container(Rendered.find(d, "Deployment", "rules-svc"), 0)
                        .path("resources").path("limits")).put("memory", "2Gi")));
        for (Case c : cases) {
            Shape after = shape(Rendered.changed("base", c.change()), "rules-svc");
            List<String> diff = before.differences(after, "base", "changed");
            assertEquals(1, diff.size(), c.aspect() + ": " + diff);
            assertTrue(diff.getFirst().startsWith(c.aspect() + ":"), diff.getFirst());
        }
    }

    @Test
    void equalQuantitiesInOtherUnitsAndUncomparedFieldsAreNoDifference() throws Exception {
        ManifestSet changed = Rendered.changed("base", d -> {
            var c = Rendered.container(Rendered.find(d, "Deployment", "rules-svc"), 0);
            ((com.fasterxml.jackson.databind.node.ObjectNode) c.path("resources").path("limits")).put("memory", "1024Mi").put("cpu", "2000m");
            ((com.fasterxml.jackson.databind.node.ObjectNode) c.path("livenessProbe")).put("periodSeconds", 99);
            ((com.fasterxml.jackson.databind.node.ObjectNode) Rendered.find(d, "Deployment", "rules-svc").path("spec")).put("replicas", 7);
        });
        assertEquals(List.of(), shape(Rendered.set("base"), "rules-svc").differences(shape(changed, "rules-svc"), "base", "changed"));
    }
}
