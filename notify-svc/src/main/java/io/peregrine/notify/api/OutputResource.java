package io.peregrine.notify.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.peregrine.kit.auth.Roles;
import io.peregrine.notify.config.OutputEntity;
import io.peregrine.notify.config.OutputRegistry;
import io.peregrine.notify.output.Delivery;
import io.peregrine.notify.output.Notification;
import io.peregrine.notify.output.Output;
import io.peregrine.notify.output.OutputSpec;
import io.peregrine.notify.output.Outputs;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.Priority;
import io.peregrine.kit.nats.NatsClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Outputs over REST. Secrets are write-only: responses carry {@code secretsSet} (which secret
 * fields hold a value) and never the values; an update that leaves a secret out keeps it.
 * Outputs from the application configuration are listed (source "config") but not changed here.
 */
@Path("/api/v1/outputs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutputResource {

    @Inject
    OutputRegistry registry;
    @Inject
    ObjectMapper json;
    @Inject
    NatsClient natsClient;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
    public Uni<List<ObjectNode>> list() {
        return registry.declared().map(all -> all.values().stream().map(this::view).toList());
    }

    @GET
    @Path("{name}")
    @RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
    public Uni<Response> get(@PathParam("name") String name) {
        return registry.declared().map(all -> {
            OutputSpec s = all.get(name);
            return s == null ? notFound(name) : Response.ok(view(s)).build();
        });
    }

    @POST
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Uni<Response> create(OutputSpec body) {
        if (body == null) {
            return Uni.createFrom().item(problem(400, "body must be an output declaration", List.of()));
        }
        if (registry.bootstrapOutputs().containsKey(body.name())) {
            return Uni.createFrom().item(problem(409, "output " + body.name() + " is declared in the application configuration", List.of()));
        }
        OutputSpec spec = registry.confinement().resolve(body);
        Response invalid = validate(spec);
        if (invalid != null) {
            return Uni.createFrom().item(invalid);
        }
        return Panache.withTransaction(() -> OutputEntity.<OutputEntity>findById(spec.name()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(problem(409, "output " + spec.name() + " exists; PUT to change it", List.of()));
            }
            OutputEntity e = new OutputEntity();
            e.name = spec.name();
            fill(e, spec);
            return e.persist().map(x -> Response.status(201).entity(view(spec)).build());
        })).call(this::changed);
    }

    @PUT
    @Path("{name}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Uni<Response> put(@PathParam("name") String name, OutputSpec body) {
        if (body == null) {
            return Uni.createFrom().item(problem(400, "body must be an output declaration", List.of()));
        }
        if (body.name() != null && !body.name().equals(name)) {
            return Uni.createFrom().item(problem(400, "name in the body (" + body.name() + ") differs from the path (" + name + ")", List.of()));
        }
        if (registry.bootstrapOutputs().containsKey(name)) {
            return Uni.createFrom().item(problem(409, "output " + name + " is declared in the application configuration", List.of()));
        }
        OutputSpec named = registry.confinement().resolve(withName(body, name));
        return Panache.withTransaction(() -> OutputEntity.<OutputEntity>findById(name).flatMap(existing -> {
            OutputSpec merged = named;
            if (existing != null) {
                OutputSpec stored = read(existing);
                if (stored != null && Objects.equals(stored.type(), named.type())) {
                    merged = named.keepingSecretsOf(stored);
                }
            }
            Response invalid = validate(merged);
            if (invalid != null) {
                return Uni.createFrom().item(invalid);
            }
            OutputEntity e = existing != null ? existing : new OutputEntity();
            e.name = name;
            fill(e, merged);
            OutputSpec result = merged;
            return e.<OutputEntity>persist().map(x -> Response.status(existing != null ? 200 : 201).entity(view(result)).build());
        })).call(this::changed);
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Uni<Response> delete(@PathParam("name") String name) {
        if (registry.bootstrapOutputs().containsKey(name)) {
            return Uni.createFrom().item(problem(409, "output " + name + " is declared in the application configuration", List.of()));
        }
        return Panache.withTransaction(() -> OutputEntity.deleteById(name))
                .map(deleted -> deleted ? Response.noContent().build() : notFound(name))
                .call(this::changed);
    }

    /** Sends a sample alert to one output, once, and reports what happened. */
    @POST
    @Path("{name}/test")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    public Uni<Response> test(@PathParam("name") String name) {
        return registry.declared().map(all -> all.get(name)).emitOn(Infrastructure.getDefaultWorkerPool()).map(spec -> {
            if (spec == null) {
                return notFound(name);
            }
            if (!registry.bootstrapOutputs().containsKey(name)) {
                // A declaration stored before outputs were confined is tried only once it complies.
                spec = registry.confinement().resolve(spec);
                List<String> outside = registry.confinement().problems(spec);
                if (!outside.isEmpty()) {
                    return problem(409, "output " + name + " reaches beyond what outputs may; change it first", outside);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("output", name);
            Alert sample = sample();
            result.put("uuid", sample.uuid());
            try (Output out = Outputs.create(spec, natsClient.connection())) {
                Delivery d = out.deliver(Notification.of(sample));
                result.put("delivered", d.ok());
                if (!d.ok()) {
                    result.put("reason", d.reason());
                }
            } catch (RuntimeException e) {
                result.put("delivered", false);
                result.put("reason", e.getMessage());
            }
            return Response.ok(result).build();
        });
    }

    static Alert sample() {
        Instant now = Instant.now();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("proc.name", "peregrine-test");
        fields.put("user.name", "root");
        fields.put("container.id", "host");
        return new Alert(UUID.randomUUID().toString(), now, "Peregrine test alert", Priority.NOTICE,
                now + ": Notice Test alert from Peregrine notify-svc (proc.name=peregrine-test)", fields, "syscall",
                List.of("test"), "peregrine");
    }

    private Uni<Void> changed(Response r) {
        if (r.getStatus() >= 300) {
            return Uni.createFrom().voidItem();
        }
        return registry.reload().invoke(registry::announce);
    }

    private ObjectNode view(OutputSpec s) {
        ObjectNode n = json.valueToTree(s.withoutSecrets());
        n.putPOJO("secretsSet", s.secretsSet());
        n.put("source", registry.bootstrapOutputs().containsKey(s.name()) ? "config" : "api");
        return n;
    }

    private void fill(OutputEntity e, OutputSpec s) {
        e.type = s.type();
        e.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            e.spec = json.writeValueAsString(registry.sealed(s));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException("output " + s.name() + " cannot be stored", ex);
        }
    }

    /** The stored declaration with readable secrets; null when it cannot be read (its secrets are then not kept). */
    private OutputSpec read(OutputEntity e) {
        try {
            return registry.opened(json.readValue(e.spec, OutputSpec.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalStateException ex) {
            return null;
        }
    }

    private Response validate(OutputSpec s) {
        List<String> problems = new java.util.ArrayList<>(s.problems());
        problems.addAll(registry.confinement().problems(s));
        if (s.headers() != null) {
            for (Map.Entry<String, String> h : s.headers().entrySet()) {
                if (OutputSpec.MASK.equals(h.getValue())) {
                    problems.add("header " + h.getKey() + ": " + OutputSpec.MASK + " stands for a stored value and there is "
                            + "none to keep (a new output, a new header, or a url on another host): send the value");
                }
            }
        }
        if (s.template() != null) {
            try {
                new io.peregrine.notify.routing.MessageTemplate(s.template());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return problems.isEmpty() ? null : problem(400, "invalid output declaration", problems);
    }

    private static OutputSpec withName(OutputSpec s, String name) {
        return new OutputSpec(name, s.type(), s.enabled(), s.minPriority(), s.includeRules(), s.excludeRules(),
                s.includeTags(), s.excludeTags(), s.template(), s.aggregation(), s.url(), s.headers(), s.secret(),
                s.timeoutMillis(), s.tls(), s.subject(), s.path(), s.maxBytes(), s.maxFiles());
    }

    private static Response notFound(String name) {
        return problem(404, "no output named " + name, List.of());
    }

    static Response problem(int status, String error, List<String> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (!problems.isEmpty()) {
            body.put("problems", problems);
        }
        return Response.status(status).entity(body).build();
    }
}
