package io.peregrine.rules.management.api;

import static io.peregrine.rules.management.api.ItemApiTest.YAML;
import static io.peregrine.rules.management.api.ItemApiTest.as;
import static io.peregrine.rules.management.api.ItemApiTest.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.rules.language.ruleset.Ruleset;
import io.peregrine.rules.language.ruleset.RulesetBuilder;
import io.peregrine.rules.runtime.live.ActiveRuleset;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportExportTest {

    static final List<String> UPSTREAM = List.of("falco_rules.yaml", "falco-incubating_rules.yaml",
            "falco-sandbox_rules.yaml");

    @Inject
    ActiveRuleset active;

    static Path shared() {
        String env = System.getenv("PEREGRINE_SHARED");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("../../shared");
    }

    static Map<String, Object> filesBody(List<String> names) throws IOException {
        List<Map<String, String>> files = new ArrayList<>();
        for (String n : names) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("name", n);
            f.put("content", Files.readString(shared().resolve("falco-rules").resolve(n)));
            files.add(f);
        }
        return Map.of("files", files);
    }

    @Test
    void upstreamFilesImportAndExportRoundTrips() throws IOException {
        RulesetBuilder direct = new RulesetBuilder();
        for (String n : UPSTREAM) {
            direct.add(n, Files.readString(shared().resolve("falco-rules").resolve(n)));
        }
        Ruleset expected = direct.build();

        // Dry run first: reports, stores nothing.
        long before = active.current().version();
        as("admin").contentType("application/json").body(filesBody(UPSTREAM))
                .queryParam("mode", "replace").queryParam("dryRun", true)
                .post("/api/v1/import").then().statusCode(200).body("dryRun", equalTo(true))
                .body("rules", equalTo(expected.rules().size()));
        assertEquals(before, active.current().version());

        JsonPath done = as("admin").contentType("application/json").body(filesBody(UPSTREAM))
                .queryParam("mode", "replace").post("/api/v1/import").then().statusCode(200)
                .body("rules", equalTo(93)).body("enabledRules", equalTo(81))
                .extract().jsonPath();
        long version = done.getLong("rulesetVersion");
        assertEquals(version, active.current().version());
        assertEquals(expected.rules().size(), active.current().ruleset().rules().size());
        assertEquals(expected.enabledCount(), active.current().ruleset().enabledCount());
        assertEquals(expected.macros().keySet(), active.current().ruleset().macros().keySet());
        assertEquals(expected.lists().keySet(), active.current().ruleset().lists().keySet());
        as("viewer").get("/api/v1/rules/{n}", "Read sensitive file untrusted").then().statusCode(200)
                .body("definition.priority", equalTo("Warning"));

        // Export, then import the export: the same ruleset, nothing to change.
        String exported = as("viewer").get("/api/v1/export").then().statusCode(200)
                .contentType(containsString("yaml")).extract().asString();
        assertTrue(exported.startsWith("# Peregrine ruleset version " + version));
        as("admin").contentType(YAML).body(exported).queryParam("mode", "replace").queryParam("dryRun", true)
                .post("/api/v1/import").then().statusCode(200)
                .body("added", empty()).body("changed", empty()).body("removed", empty())
                .body("rules", equalTo(93)).body("enabledRules", equalTo(81));
        as("admin").contentType(YAML).body(exported).queryParam("mode", "replace").post("/api/v1/import")
                .then().statusCode(200).body("rulesetVersion", equalTo((int) version));
        // The export alone, read by the engine, is the same ruleset.
        Ruleset reread = new RulesetBuilder().add("export.yaml", exported).build();
        assertEquals(expected.rules().stream().map(r -> r.name() + r.enabled() + r.condition().text()).toList(),
                reread.rules().stream().map(r -> r.name() + r.enabled() + r.condition().text()).toList());
    }

    @Test
    void mergeAppliesAppendAndOverrideToStoredItems() {
        String m = unique("merge_macro");
        String r = unique("Merge rule");
        as("editor").contentType(YAML).body("- macro: " + m + "\n  condition: proc.name = a\n")
                .post("/api/v1/macros").then().statusCode(201);
        as("editor").contentType(YAML).body(ItemApiTest.rule(r, "evt.type = execve and " + m))
                .post("/api/v1/rules").then().statusCode(201);
        String file = "- macro: " + m + "\n  condition: or proc.name = b\n  append: true\n"
                + "- rule: " + r + "\n  priority: CRITICAL\n  override:\n    priority: replace\n"
                + "- list: " + m + "_new\n  items: [x]\n";
        as("admin").contentType(YAML).body(file).queryParam("dryRun", true).post("/api/v1/import").then()
                .statusCode(200).body("changed", hasItem("macro " + m)).body("changed", hasItem("rule " + r))
                .body("added", equalTo(List.of("list " + m + "_new"))).body("removed", empty());
        as("admin").contentType(YAML).body(file).post("/api/v1/import").then().statusCode(200);
        as("viewer").get("/api/v1/macros/{n}", m).then().statusCode(200)
                .body("definition.condition", equalTo("proc.name = a or proc.name = b"));
        as("viewer").get("/api/v1/rules/{n}", r).then().statusCode(200)
                .body("definition.priority", equalTo("Critical"));
    }

    @Test
    void aBrokenFileIsRefusedWithFileLineAndColumn() {
        long before = active.current().version();
        String file = "- list: ok\n  items: [a]\n- rule: broken\n  desc: d\n  condition: evt.type = open and (\n"
                + "  output: o\n  priority: WARNING\n";
        as("admin").contentType(YAML).queryParam("name", "mine.yaml").body(file).post("/api/v1/import").then()
                .statusCode(422).contentType("application/problem+json").body("file", equalTo("mine.yaml"))
                .body("line", equalTo(5));
        as("viewer").contentType(YAML).queryParam("name", "mine.yaml").body(file).post("/api/v1/validate").then()
                .statusCode(422).body("line", equalTo(5));
        as("admin").contentType(YAML).body("- rule: [").post("/api/v1/import").then().statusCode(422)
                .body("message", containsString("malformed YAML"));
        as("admin").contentType("application/json").body("{\"files\": 3}").post("/api/v1/import").then()
                .statusCode(400);
        assertEquals(before, active.current().version());
    }
}
