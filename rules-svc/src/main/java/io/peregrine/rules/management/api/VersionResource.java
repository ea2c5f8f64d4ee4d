package io.peregrine.rules.management.api;

import io.peregrine.rules.management.auth.Caller;
import io.peregrine.kit.auth.Roles;
import io.peregrine.rules.management.draft.FalcoYaml;
import io.peregrine.rules.service.LiveRuleset;
import io.peregrine.rules.management.store.RuleStore;
import io.peregrine.rules.management.store.RuleStore.AuditEntry;
import io.peregrine.rules.management.store.RuleStore.Plan;
import io.peregrine.rules.management.store.RuleStore.VersionSummary;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Versions of the whole ruleset, rollback, and the audit log (read from PostgreSQL). */
@Path("/api/v1")
@Tag(name = "History", description = "Ruleset versions, rollback and audit log")
@SecurityRequirement(name = "jwt")
public class VersionResource {

    @Inject
    RuleStore store;
    @Inject
    LiveRuleset live;
    @Inject
    Caller caller;

    @GET
    @Path("versions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Ruleset versions, newest first")
    public Uni<List<VersionSummary>> versions(@QueryParam("limit") @DefaultValue("50") int limit) {
        return store.versions(Math.max(1, Math.min(limit, 1000)));
    }

    @GET
    @Path("versions/{version}/export")
    @Produces({RulesetResource.YAML, "text/yaml"})
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "One version of the ruleset as a Falco rules file")
    @APIResponse(responseCode = "404", description = "No such version")
    public Uni<Response> export(@PathParam("version") long version) {
        return store.snapshotOf(version).map(items -> {
            if (items == null) {
                throw ApiProblem.notFound("ruleset version " + version);
            }
            return Response.ok(FalcoYaml.export(items, "Peregrine ruleset version " + version), RulesetResource.YAML)
                    .build();
        });
    }

    @POST
    @Path("versions/{version}/rollback")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Make an earlier version the ruleset in force again (as a new version)")
    @APIResponse(responseCode = "200", description = "Rolled back; the new version is in force")
    @APIResponse(responseCode = "404", description = "No such version")
    @APIResponse(responseCode = "412", description = "The ruleset changed since the version in If-Match")
    @APIResponse(responseCode = "422", description = "That version no longer validates")
    public Uni<Response> rollback(@PathParam("version") long version, @HeaderParam("If-Match") String ifMatch) {
        String actor = caller.name();
        return store.snapshotOf(version).flatMap(items -> {
            if (items == null) {
                throw ApiProblem.notFound("ruleset version " + version);
            }
            return store.change(actor, cur -> {
                ItemViews.checkIfMatch(ifMatch, "the ruleset", cur.version());
                return new Plan(items, "rollback", "rollback to version " + version);
            });
        }).invoke(live::committed).map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rulesetVersion", c.stored().version());
            m.put("restoredVersion", version);
            m.put("changed", c.changed());
            m.put("rules", c.validated().ruleset().rules().size());
            return Response.ok(m).tag(ItemViews.etag(c.stored().version())).build();
        });
    }

    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Audit log, newest first; filter by kind and name")
    public Uni<List<AuditEntry>> audit(@QueryParam("kind") String kind, @QueryParam("name") String name,
                                       @QueryParam("limit") @DefaultValue("100") int limit) {
        return store.audit(kind, name, Math.max(1, Math.min(limit, 1000)));
    }
}
