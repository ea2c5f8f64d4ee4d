package io.peregrine.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.peregrine.kubernetes.render.Kustomize;
import io.peregrine.kubernetes.render.ManifestSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The repository's kustomizations, rendered once per test run. */
final class Rendered {

    static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Rendered() {
    }

    static Path repo() {
        String p = System.getProperty("peregrine.repo");
        Path root = p != null ? Path.of(p) : Path.of("..");
        if (!Files.isDirectory(root.resolve("kubernetes/base"))) {
            throw new IllegalStateException("kubernetes/base not found under " + root.toAbsolutePath());
        }
        return root.toAbsolutePath().normalize();
    }

    /** kubectl kustomize of kubernetes/&lt;dir&gt;, e.g. "base" or "overlays/dev". */
    static String yaml(String dir) {
        return CACHE.computeIfAbsent(dir, d -> {
            try {
                return Kustomize.render(repo().resolve("kubernetes").resolve(d));
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    static ManifestSet set(String dir) throws Exception {
        return ManifestSet.parse(yaml(dir), dir);
    }

    /** The documents of a rendering as trees, for tests that break one thing on purpose. */
    static List<ObjectNode> documents(String dir) throws Exception {
        List<ObjectNode> out = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml(dir))) {
            while (it.hasNext()) {
                out.add((ObjectNode) it.next());
            }
        }
        return out;
    }

    static ObjectNode find(List<ObjectNode> docs, String kind, String name) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind) && d.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    /** Renders dir, applies the change to the documents, and reads the result strictly. */
    static ManifestSet changed(String dir, Consumer<List<ObjectNode>> change) throws Exception {
        List<ObjectNode> docs = documents(dir);
        change.accept(docs);
        StringBuilder b = new StringBuilder();
        for (ObjectNode d : docs) {
            b.append(YAML.writeValueAsString(d));
        }
        return ManifestSet.parse(b.toString(), dir + " (changed)");
    }

    static ObjectNode container(ObjectNode workload, int index) {
        return (ObjectNode) workload.path("spec").path("template").path("spec").path("containers").get(index);
    }
}
