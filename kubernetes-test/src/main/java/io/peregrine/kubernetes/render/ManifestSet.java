package io.peregrine.kubernetes.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.peregrine.kubernetes.schema.SchemaException;
import io.peregrine.kubernetes.schema.StrictModel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The objects of one rendering (multi-document YAML), each read strictly into its typed class. */
public final class ManifestSet {

    private final List<HasMetadata> objects;

    private ManifestSet(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    /**
     * Parses every document; collects all schema errors and throws them together, so one run
     * names every bad object.
     */
    public static ManifestSet parse(String yaml, String origin) throws SchemaException, IOException {
        ObjectMapper yamlReader = new YAMLMapper(new YAMLFactory());
        StrictModel model = new StrictModel();
        List<HasMetadata> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (var it = yamlReader.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            int index = 0;
            while (it.hasNext()) {
                JsonNode doc = it.next();
                index++;
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                try {
                    out.add(model.read(doc));
                } catch (SchemaException e) {
                    errors.add(origin + " document " + index + ": " + e.getMessage());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new SchemaException(String.join("\n", errors));
        }
        return new ManifestSet(out);
    }

    public List<HasMetadata> objects() {
        return objects;
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    public List<Workload> workloads() {
        return objects.stream().map(Workload::of).flatMap(Optional::stream).toList();
    }

    public Optional<Workload> workload(String name) {
        return workloads().stream().filter(w -> w.name().equals(name)).findFirst();
    }
}
