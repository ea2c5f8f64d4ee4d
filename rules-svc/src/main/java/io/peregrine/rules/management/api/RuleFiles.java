package io.peregrine.rules.management.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.peregrine.rules.management.draft.RuleFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files of an import or validation request: one Falco rules file as the YAML body, or several
 * as JSON {@code {"files": [{"name": "falco_rules.yaml", "content": "..."}]}}, merged in that order.
 */
final class RuleFiles {

    private RuleFiles() {
    }

    static List<RuleFile> of(String contentType, String body, String name, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            throw new ApiProblem(400, "Bad request", "the body is empty; send a Falco rules file as YAML, or "
                    + "{\"files\": [{\"name\": ..., \"content\": ...}]} as JSON");
        }
        if (contentType == null || !contentType.toLowerCase().contains("json")) {
            return List.of(new RuleFile(name == null || name.isBlank() ? "upload.yaml" : name, body));
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception e) {
            throw new ApiProblem(400, "Bad request", "malformed JSON: " + e.getMessage().split("\n")[0]);
        }
        JsonNode files = root == null ? null : root.get("files");
        if (files == null || !files.isArray() || files.isEmpty()) {
            throw new ApiProblem(400, "Bad request", "expected {\"files\": [{\"name\": ..., \"content\": ...}]}");
        }
        List<RuleFile> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode f : files) {
            JsonNode n = f.get("name");
            JsonNode c = f.get("content");
            if (n == null || !n.isTextual() || c == null || !c.isTextual()) {
                throw new ApiProblem(400, "Bad request", "each file needs a textual \"name\" and \"content\"");
            }
            if (!names.add(n.asText())) {
                throw new ApiProblem(400, "Bad request", "file name '" + n.asText() + "' appears twice");
            }
            out.add(new RuleFile(n.asText(), c.asText()));
        }
        return out;
    }
}
