package io.peregrine.rules.management.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.peregrine.protocol.fields.Field;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.rules.management.auth.Caller;
import io.peregrine.kit.auth.Roles;
import io.peregrine.rules.management.draft.DraftRuleset;
import io.peregrine.rules.management.draft.FalcoYaml;
import io.peregrine.rules.management.draft.ImportPlan;
import io.peregrine.rules.management.draft.ItemSource;
import io.peregrine.rules.management.draft.RuleFile;
import io.peregrine.rules.trial.TrialRun;
import io.peregrine.rules.runtime.live.ActiveRuleset;
import io.peregrine.rules.service.LiveRuleset;
import io.peregrine.rules.management.store.RuleStore;
import io.peregrine.rules.management.store.RuleStore.Plan;
import io.peregrine.rules.management.store.StoredItem;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ruleset as a whole: its summary, export, import of Falco files, validation, the field catalogue. */
@Path("/api/v1")
@Tag(name = "Ruleset", description = "The whole ruleset: import, export, validation, fields")
@SecurityRequirement(name = "jwt")
public class RulesetResource {

    static final String YAML = "application/yaml";

    @Inject
    ActiveRuleset active;
    @Inject
    RuleStore store;
    @Inject
    LiveRuleset live;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @Inject
    CheckSlots checks;

    @GET
    @Path("ruleset")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "The ruleset in force: version (also the ETag), counts, warnings, interest")
    public Response summary() {
        ActiveRuleset.Snapshot s = active.current();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", s.version());
        m.put("rules", s.ruleset().rules().size());
        m.put("enabledRules", s.ruleset().enabledCount());
        m.put("macros", s.ruleset().macros().size());
        m.put("lists", s.ruleset().lists().size());
        m.put("warnings", s.compiled().warnings());
        Map<String, Object> interest = new LinkedHashMap<>();
        interest.put("allTypes", s.interest().allTypes());
        interest.put("eventTypes", s.interest().eventTypes());
        m.put("interest", interest);
        return Response.ok(m).tag(ItemViews.etag(s.version())).build();
    }

    @GET
    @Path("export")
    @Produces({YAML, "text/yaml"})
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "The ruleset in force as one Falco rules file")
    public Response export() {
        ActiveRuleset.Snapshot s = active.current();
        List<ItemSource> items = s.items().stream().map(StoredItem::item).toList();
        return Response.ok(FalcoYaml.export(items, "Peregrine ruleset version " + s.version()), YAML)
                .tag(ItemViews.etag(s.version()))
                .header("Content-Disposition", "attachment; filename=\"peregrine-ruleset-" + s.version() + ".yaml\"")
                .build();
    }

    @POST
    @Path("import")
    @Consumes({YAML, "application/x-yaml", "text/yaml", "text/x-yaml", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import Falco rules files (append and override apply to stored items in merge mode)")
    @APIResponse(responseCode = "200", description = "What changed (or would change, with dryRun)")
    @APIResponse(responseCode = "412", description = "The ruleset changed since the version in If-Match")
    @APIResponse(responseCode = "422", description = "The result is invalid (file or item, line, column, message)")
    @APIResponse(responseCode = "429", description = "dryRun: too many validations and trials running; see Retry-After")
    public Uni<Response> importFiles(
            @Parameter(description = "merge (files apply on top of the stored ruleset) or replace (the files are the new ruleset)")
            @QueryParam("mode") @DefaultValue("merge") String mode,
            @Parameter(description = "report what would change, store nothing") @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Parameter(description = "file name for a single YAML body (used in error positions)") @QueryParam("name") String name,
            @HeaderParam("Content-Type") String contentType, @HeaderParam("If-Match") String ifMatch, String body) {
        boolean replace = replaceMode(mode);
        if (dryRun) {
            // A dry run compiles as /validate does: in a check slot, off the event loop.
            return Uni.createFrom().item(() -> checks.run(() -> {
                List<RuleFile> files = RuleFiles.of(contentType, body, name, json);
                ActiveRuleset.Snapshot s = active.current();
                ItemViews.checkIfMatch(ifMatch, "the ruleset", s.version());
                ImportPlan plan = ImportPlan.of(s.items().stream().map(StoredItem::item).toList(), files, replace,
                        store.maxDepth());
                DraftRuleset.Validated v = DraftRuleset.validate(plan.items(), store.maxItems(), store.maxDepth());
                return Response.ok(report(plan, v, s.version(), true)).build();
            })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        List<RuleFile> files = RuleFiles.of(contentType, body, name, json);
        String actor = caller.name();
        ImportPlan[] planned = new ImportPlan[1];
        return store.change(actor, cur -> {
            ItemViews.checkIfMatch(ifMatch, "the ruleset", cur.version());
            planned[0] = ImportPlan.of(cur.sources(), files, replace, store.maxDepth());
            return new Plan(planned[0].items(), "import", "import " + files.stream().map(RuleFile::name).toList()
                    + " (" + (replace ? "replace" : "merge") + ")");
        }).invoke(live::committed).map(c -> Response.ok(report(planned[0], c.validated(), c.stored().version(), false))
                .tag(ItemViews.etag(c.stored().version())).build());
    }

    @POST
    @Path("validate")
    @Consumes({YAML, "application/x-yaml", "text/yaml", "text/x-yaml", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Validate Falco rules files without storing anything")
    @APIResponse(responseCode = "200", description = "Valid: counts, warnings and what an import would change")
    @APIResponse(responseCode = "422", description = "Invalid: file or item, line, column, message")
    @APIResponse(responseCode = "429", description = "Too many validations and trials running; see Retry-After")
    @Blocking
    public Response validate(
            @Parameter(description = "merge (on top of the ruleset in force) or replace (the files alone)")
            @QueryParam("mode") @DefaultValue("merge") String mode,
            @QueryParam("name") String name, @HeaderParam("Content-Type") String contentType, String body) {
        return checks.run(() -> validateNow(mode, name, contentType, body));
    }

    private Response validateNow(String mode, String name, String contentType, String body) {
        List<RuleFile> files = RuleFiles.of(contentType, body, name, json);
        ActiveRuleset.Snapshot s = active.current();
        ImportPlan plan = ImportPlan.of(s.items().stream().map(StoredItem::item).toList(), files, replaceMode(mode),
                store.maxDepth());
        DraftRuleset.Validated v = DraftRuleset.validate(plan.items(), store.maxItems(), store.maxDepth());
        Map<String, Object> r = report(plan, v, s.version(), true);
        r.put("valid", true);
        return Response.ok(r).build();
    }

    @POST
    @Path("test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Run the ruleset in force, or a draft (files merged onto it), over events written "
            + "as field values; returns the matching rules and their rendered outputs")
    @APIResponse(responseCode = "200", description = "{matches: [{event, rule, priority, tags, output}], unusedFields}")
    @APIResponse(responseCode = "422", description = "The draft is invalid, or an event cannot be built")
    @APIResponse(responseCode = "429", description = "Too many validations and trials running; see Retry-After")
    @Blocking
    public Response test(Map<String, Object> body) {
        return checks.run(() -> testNow(body));
    }

    private Response testNow(Map<String, Object> body) {
        if (body == null || !(body.get("events") instanceof List<?> events) || events.isEmpty()) {
            throw new ApiProblem(400, "Bad request", "expected {\"events\": [{\"evt.type\": \"openat\", "
                    + "\"fd.name\": \"/etc/shadow\", ...}], \"files\": [...] (optional)}");
        }
        if (events.size() > 10_000) {
            throw new ApiProblem(422, "Limit exceeded", "at most 10000 events per test");
        }
        List<Map<String, Object>> evs = new java.util.ArrayList<>();
        for (Object e : events) {
            if (!(e instanceof Map<?, ?> m)) {
                throw new ApiProblem(400, "Bad request", "each event must be an object of field values");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) m;
            evs.add(fields);
        }
        ActiveRuleset.Snapshot s = active.current();
        io.peregrine.rules.language.ruleset.Ruleset ruleset = s.ruleset();
        io.peregrine.rules.engine.compile.CompiledRuleset compiled = s.compiled();
        if (body.get("files") != null) {
            List<RuleFile> files;
            try {
                files = RuleFiles.of("application/json", json.writeValueAsString(Map.of("files", body.get("files"))),
                        null, json);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ApiProblem(400, "Bad request", "files: " + e.getOriginalMessage());
            }
            ImportPlan plan = ImportPlan.of(s.items().stream().map(StoredItem::item).toList(), files,
                    replaceMode(String.valueOf(body.getOrDefault("mode", "merge"))), store.maxDepth());
            DraftRuleset.Validated v = DraftRuleset.validate(plan.items(), store.maxItems(), store.maxDepth());
            ruleset = v.ruleset();
            compiled = v.compiled();
        }
        if (Boolean.TRUE.equals(body.get("allEnabled"))) {
            compiled = io.peregrine.rules.engine.compile.RuleCompiler.compile(ruleset.allEnabled());
        }
        try {
            return Response.ok(TrialRun.view(TrialRun.run(compiled, evs, hostname()))).build();
        } catch (TrialRun.BadEvent e) {
            throw new ApiProblem(422, "Bad event", e.getMessage());
        }
    }

    private static String hostname() {
        String h = System.getenv("HOSTNAME");
        return h == null || h.isBlank() ? "rules-svc" : h;
    }

    @GET
    @Path("fields")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "The field catalogue: every field a condition or output can use")
    public List<Map<String, Object>> fields(@QueryParam("prefix") String prefix) {
        return FieldCatalog.all().stream().filter(f -> prefix == null || f.name().startsWith(prefix))
                .map(RulesetResource::field).toList();
    }

    private static Map<String, Object> field(Field f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("type", f.type().name());
        m.put("arg", f.arg().name());
        m.put("multiValued", f.multiValued());
        m.put("supported", f.supported());
        m.put("description", f.description());
        return m;
    }

    private static boolean replaceMode(String mode) {
        return switch (mode) {
            case "merge" -> false;
            case "replace" -> true;
            default -> throw new ApiProblem(400, "Bad request", "mode must be merge or replace, not '" + mode + "'");
        };
    }

    private static Map<String, Object> report(ImportPlan plan, DraftRuleset.Validated v, long version, boolean dryRun) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(dryRun ? "basedOnVersion" : "rulesetVersion", version);
        m.put("dryRun", dryRun);
        m.put("added", plan.added());
        m.put("changed", plan.changed());
        m.put("removed", plan.removed());
        m.put("unchanged", plan.unchanged());
        m.put("rules", v.ruleset().rules().size());
        m.put("enabledRules", v.ruleset().enabledCount());
        m.put("macros", v.ruleset().macros().size());
        m.put("lists", v.ruleset().lists().size());
        m.put("warnings", v.warnings());
        return m;
    }
}
