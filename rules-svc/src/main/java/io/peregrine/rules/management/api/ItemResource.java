package io.peregrine.rules.management.api;

import io.peregrine.rules.management.auth.Caller;
import io.peregrine.kit.auth.Roles;
import io.peregrine.rules.management.draft.ItemBody;
import io.peregrine.rules.management.draft.ItemKind;
import io.peregrine.rules.management.draft.ItemSource;
import io.peregrine.rules.runtime.live.ActiveRuleset;
import io.peregrine.rules.service.LiveRuleset;
import io.peregrine.rules.management.store.RuleStore;
import io.peregrine.rules.management.store.RuleStore.Committed;
import io.peregrine.rules.management.store.RuleStore.Plan;
import io.peregrine.rules.management.store.StoredItem;
import io.peregrine.rules.management.store.StoredRuleset;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rules, macros and lists, one at a time. Reads come from the ruleset in force (memory), so they
 * keep working while PostgreSQL is down; writes validate the whole resulting ruleset, store it,
 * and put it in force in every replica.
 */
@Path("/api/v1/{kind: rules|macros|lists}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Items", description = "Rules, macros and lists")
@SecurityRequirement(name = "jwt")
public class ItemResource {

    static final String[] BODY_TYPES = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
        MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN};

    @Inject
    ActiveRuleset active;
    @Inject
    RuleStore store;
    @Inject
    LiveRuleset live;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "List the items of a kind, in ruleset order")
    public List<Map<String, Object>> list(@Parameter(description = "rules, macros or lists") @PathParam("kind") String kinds) {
        ItemKind kind = ItemViews.kindOf(kinds);
        ActiveRuleset.Snapshot s = active.current();
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredItem i : s.items()) {
            if (i.item().kind() == kind) {
                out.add(ItemViews.view(i, s.ruleset(), false));
            }
        }
        return out;
    }

    @GET
    @Path("{name}")
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "One item with its source YAML; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The item")
    @APIResponse(responseCode = "404", description = "No such item")
    public Response get(@PathParam("kind") String kinds, @PathParam("name") String name) {
        ItemKind kind = ItemViews.kindOf(kinds);
        ActiveRuleset.Snapshot s = active.current();
        StoredItem i = new StoredRuleset(s.version(), s.items()).find(kind, name)
                .orElseThrow(() -> ApiProblem.notFound(kind.word() + " '" + name + "'"));
        return Response.ok(ItemViews.view(i, s.ruleset(), true)).tag(ItemViews.etag(i.version())).build();
    }

    @POST
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", MediaType.APPLICATION_JSON,
        MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Create an item from its Falco YAML (or the same keys as JSON)")
    @APIResponse(responseCode = "201", description = "Created and in force")
    @APIResponse(responseCode = "409", description = "An item of that kind and name exists")
    @APIResponse(responseCode = "422", description = "The resulting ruleset is invalid (item, line, column, message)")
    @APIResponse(responseCode = "503", description = "PostgreSQL unreachable; retry after Retry-After seconds")
    public Uni<Response> create(@PathParam("kind") String kinds, String body) {
        ItemKind kind = ItemViews.kindOf(kinds);
        ItemSource item = ItemBody.parse(kind, null, body).item();
        String actor = caller.name();
        return store.change(actor, cur -> {
            if (cur.find(kind, item.name()).isPresent()) {
                throw new ApiProblem(409, "Conflict", kind.word() + " '" + item.name() + "' exists; PUT to change it");
            }
            List<ItemSource> items = new ArrayList<>(cur.sources());
            items.add(item);
            return new Plan(items, "item", "create " + kind.word() + " '" + item.name() + "'");
        }).invoke(live::committed).map(c -> written(c, kind, item.name(), 201));
    }

    @PUT
    @Path("{name}")
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", MediaType.APPLICATION_JSON,
        MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Create or replace an item; If-Match makes it conditional on the item's version")
    @APIResponse(responseCode = "200", description = "Replaced and in force")
    @APIResponse(responseCode = "201", description = "Created and in force")
    @APIResponse(responseCode = "412", description = "The item changed since the version in If-Match")
    @APIResponse(responseCode = "422", description = "The resulting ruleset is invalid (item, line, column, message)")
    public Uni<Response> put(@PathParam("kind") String kinds, @PathParam("name") String name,
                             @HeaderParam("If-Match") String ifMatch, String body) {
        ItemKind kind = ItemViews.kindOf(kinds);
        ItemBody parsed = ItemBody.parse(kind, name, body);
        String actor = caller.name();
        boolean[] created = new boolean[1];
        return store.change(actor, cur -> {
            StoredItem old = cur.find(kind, name).orElse(null);
            ItemViews.checkIfMatch(ifMatch, kind.word() + " '" + name + "'", old == null ? null : old.version());
            ItemSource item = parsed.item();
            if (old != null && kind == ItemKind.RULE && parsed.ownEnabled() == null) {
                item = item.withEnabled(old.item().enabled());     // an edit does not switch a rule back on
            }
            created[0] = old == null;
            return new Plan(replace(cur, old == null ? null : old.item(), item), "item",
                    (old == null ? "create " : "update ") + kind.word() + " '" + name + "'");
        }).invoke(live::committed).map(c -> written(c, kind, name, created[0] ? 201 : 200));
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Delete an item; refused when others still use it")
    @APIResponse(responseCode = "204", description = "Deleted; the ruleset without it is in force")
    @APIResponse(responseCode = "404", description = "No such item")
    @APIResponse(responseCode = "412", description = "The item changed since the version in If-Match")
    @APIResponse(responseCode = "422", description = "The ruleset without it is invalid (e.g. a rule uses the macro)")
    public Uni<Response> delete(@PathParam("kind") String kinds, @PathParam("name") String name,
                                @HeaderParam("If-Match") String ifMatch) {
        ItemKind kind = ItemViews.kindOf(kinds);
        String actor = caller.name();
        return store.change(actor, cur -> {
            StoredItem old = cur.find(kind, name)
                    .orElseThrow(() -> ApiProblem.notFound(kind.word() + " '" + name + "'"));
            ItemViews.checkIfMatch(ifMatch, kind.word() + " '" + name + "'", old.version());
            return new Plan(replace(cur, old.item(), null), "item", "delete " + kind.word() + " '" + name + "'");
        }).invoke(live::committed).map(c -> Response.noContent().header("X-Ruleset-Version", c.stored().version())
                .build());
    }

    @POST
    @Path("{name}/enable")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Enable a rule (rules only), keeping its YAML as written")
    @APIResponse(responseCode = "200", description = "Enabled and in force")
    public Uni<Response> enable(@PathParam("kind") String kinds, @PathParam("name") String name,
                                @HeaderParam("If-Match") String ifMatch) {
        return setEnabled(kinds, name, ifMatch, true);
    }

    @POST
    @Path("{name}/disable")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Disable a rule (rules only), keeping its YAML as written")
    @APIResponse(responseCode = "200", description = "Disabled and in force")
    public Uni<Response> disable(@PathParam("kind") String kinds, @PathParam("name") String name,
                                 @HeaderParam("If-Match") String ifMatch) {
        return setEnabled(kinds, name, ifMatch, false);
    }

    private Uni<Response> setEnabled(String kinds, String name, String ifMatch, boolean enabled) {
        if (ItemViews.kindOf(kinds) != ItemKind.RULE) {
            throw new ApiProblem(404, "Not found", "only rules are enabled and disabled; macros and lists are "
                    + "in force while a rule uses them");
        }
        String actor = caller.name();
        return store.change(actor, cur -> {
            StoredItem old = cur.find(ItemKind.RULE, name)
                    .orElseThrow(() -> ApiProblem.notFound("rule '" + name + "'"));
            ItemViews.checkIfMatch(ifMatch, "rule '" + name + "'", old.version());
            return new Plan(replace(cur, old.item(), old.item().withEnabled(enabled)), "item",
                    (enabled ? "enable" : "disable") + " rule '" + name + "'");
        }).invoke(live::committed).map(c -> written(c, ItemKind.RULE, name, 200));
    }

    static List<ItemSource> replace(StoredRuleset cur, ItemSource old, ItemSource with) {
        List<ItemSource> items = new ArrayList<>();
        boolean placed = false;
        for (ItemSource i : cur.sources()) {
            if (old != null && i.kind() == old.kind() && i.name().equals(old.name())) {
                if (with != null) {
                    items.add(with);
                }
                placed = true;
            } else {
                items.add(i);
            }
        }
        if (!placed && with != null) {
            items.add(with);
        }
        return items;
    }

    static Response written(Committed c, ItemKind kind, String name, int status) {
        StoredItem i = c.stored().find(kind, name).orElseThrow();
        Map<String, Object> v = ItemViews.view(i, c.validated().ruleset(), true);
        v.put("rulesetVersion", c.stored().version());
        if (!c.validated().warnings().isEmpty()) {
            v.put("warnings", c.validated().warnings());
        }
        Response.ResponseBuilder r = Response.status(status).entity(v).tag(ItemViews.etag(i.version()));
        if (status == 201) {
            r.location(UriBuilder.fromPath("/api/v1/{kind}/{name}").build(kind.word() + "s", name));
        }
        return r.build();
    }
}
