package io.peregrine.rules.management.api;

import io.peregrine.kit.auth.Roles;
import io.peregrine.rules.engine.compile.CompiledRuleset;
import io.peregrine.rules.engine.compile.RuleCompiler;
import io.peregrine.rules.management.draft.DraftRuleset;
import io.peregrine.rules.management.draft.ImportPlan;
import io.peregrine.rules.management.draft.RuleFile;
import io.peregrine.rules.runtime.live.ActiveRuleset;
import io.peregrine.rules.service.RulesConfig;
import io.peregrine.rules.management.store.RuleStore;
import io.peregrine.rules.management.store.StoredItem;
import io.peregrine.rules.trial.CaptureReplay;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Runs the ruleset in force, or a draft, over a capture file (.scap or Peregrine, plain or gzip)
 * sent as the body. Replays are CPU work on a worker thread, a few at a time.
 */
@Path("/api/v1/test/capture")
@Tag(name = "Ruleset", description = "The whole ruleset: import, export, validation, fields")
@SecurityRequirement(name = "jwt")
public class CaptureTestResource {

    static final String GZIP = "application/gzip";

    @Inject
    ActiveRuleset active;
    @Inject
    io.peregrine.rules.service.NameResolution names;
    @Inject
    RuleStore store;
    @Inject
    BodyLimits limits;

    private final int maxMatchesCap;
    private final int maxBlock;
    private final Semaphore running;

    public CaptureTestResource(RulesConfig config) {
        this.maxMatchesCap = config.captureMaxMatches();
        this.maxBlock = (int) Math.min(Integer.MAX_VALUE, config.captureMaxBlockSize().asLongValue());
        this.running = new Semaphore(Math.max(1, config.captureConcurrency()));
    }

    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, GZIP, "application/x-gzip"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Blocking
    @Operation(summary = "Run the ruleset in force over a capture file (.scap or Peregrine, plain or gzip) sent as "
            + "the body; returns the matches with event number, time and rendered output, and counts")
    @APIResponse(responseCode = "200", description = "{format, gzip, hostname, counts: {events, seeds, skipped, projected, "
            + "matches}, truncated, matches: [{event, time, rule, priority, tags, output, outputFields}], "
            + "unsupportedFields, error: {offset, message} when the file breaks off}")
    @APIResponse(responseCode = "400", description = "The body is not a capture file")
    @APIResponse(responseCode = "413", description = "The body is larger than peregrine.rules.max-capture-size")
    @APIResponse(responseCode = "429", description = "Too many capture tests running; retry later")
    public Response inForce(
            @Parameter(description = "also run disabled rules") @QueryParam("allEnabled") @DefaultValue("false")
            boolean allEnabled,
            @Parameter(description = "at most this many matches are returned (all are counted)")
            @QueryParam("maxMatches") @DefaultValue("1000") int maxMatches,
            InputStream body) {
        checkMaxMatches(maxMatches);
        acquire();
        try {
            ActiveRuleset.Snapshot s = active.current();
            CompiledRuleset compiled = allEnabled ? RuleCompiler.compile(s.ruleset().allEnabled()) : s.compiled();
            return replay(body, compiled, maxMatches);
        } finally {
            running.release();
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Blocking
    @Operation(summary = "Run a draft (rule files merged onto the ruleset in force, or replacing it) over a capture "
            + "file; form parts: capture (the file), files (one or more Falco rules files), mode, allEnabled")
    @APIResponse(responseCode = "200", description = "As for the capture as the body")
    @APIResponse(responseCode = "400", description = "The capture part is missing or not a capture file")
    @APIResponse(responseCode = "413", description = "The body is larger than peregrine.rules.max-capture-size")
    @APIResponse(responseCode = "422", description = "The draft is invalid (file, line, column, message)")
    public Response draft(
            @Parameter(description = "merge (files on top of the ruleset in force) or replace (the files alone)")
            @RestForm("mode") @DefaultValue("merge") String mode,
            @RestForm("allEnabled") @DefaultValue("false") boolean allEnabled,
            @QueryParam("maxMatches") @DefaultValue("1000") int maxMatches,
            @RestForm("capture") FileUpload capture, @RestForm("files") List<FileUpload> files) throws IOException {
        checkMaxMatches(maxMatches);
        // The draft is compiled inside the slot too: compiling is the costlier part for a hostile draft.
        acquire();
        try {
            return draftNow(mode, allEnabled, maxMatches, capture, files);
        } finally {
            running.release();
        }
    }

    private Response draftNow(String mode, boolean allEnabled, int maxMatches, FileUpload capture,
                              List<FileUpload> files) throws IOException {
        if (capture == null) {
            throw new ApiProblem(400, "Bad request", "the form needs a part 'capture' with the capture file "
                    + "(curl -F capture=@file.scap -F files=@draft.yaml)");
        }
        ActiveRuleset.Snapshot s = active.current();
        CompiledRuleset compiled;
        if (files == null || files.isEmpty()) {
            compiled = allEnabled ? RuleCompiler.compile(s.ruleset().allEnabled()) : s.compiled();
        } else {
            List<RuleFile> drafts = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (FileUpload f : files) {
                String name = f.fileName() == null || f.fileName().isBlank() ? "draft-" + drafts.size() + ".yaml"
                        : f.fileName();
                if (!names.add(name)) {
                    throw new ApiProblem(400, "Bad request", "file name '" + name + "' appears twice");
                }
                drafts.add(new RuleFile(name, Files.readString(f.uploadedFile(), StandardCharsets.UTF_8)));
            }
            boolean replace = switch (mode) {
                case "merge" -> false;
                case "replace" -> true;
                default -> throw new ApiProblem(400, "Bad request", "mode must be merge or replace, not '" + mode + "'");
            };
            ImportPlan plan = ImportPlan.of(s.items().stream().map(StoredItem::item).toList(), drafts, replace,
                    store.maxDepth());
            DraftRuleset.Validated v = DraftRuleset.validate(plan.items(), store.maxItems(), store.maxDepth());
            compiled = allEnabled ? RuleCompiler.compile(v.ruleset().allEnabled()) : v.compiled();
        }
        try (InputStream in = Files.newInputStream(capture.uploadedFile())) {
            return replay(in, compiled, maxMatches);
        }
    }

    private void checkMaxMatches(int maxMatches) {
        if (maxMatches < 0 || maxMatches > maxMatchesCap) {
            throw new ApiProblem(400, "Bad request", "maxMatches must be between 0 and " + maxMatchesCap);
        }
    }

    private void acquire() {
        if (!running.tryAcquire()) {
            throw new ApiProblem(429, "Too many requests", "other capture tests are running; retry shortly")
                    .retryAfter(1);
        }
    }

    private Response replay(InputStream body, CompiledRuleset compiled, int maxMatches) {
        if (compiled != active.current().compiled()) {
            names.fillKnown(compiled.names());
        }
        try {
            return Response.ok(CaptureReplay.run(body, limits.maxCapture(), maxBlock, compiled, maxMatches).view())
                    .build();
        } catch (CaptureReplay.NotACapture e) {
            throw new ApiProblem(400, "Not a capture file", e.getMessage());
        } catch (CaptureReplay.TooLarge e) {
            throw new ApiProblem(413, "Body too large", e.getMessage());
        } catch (IOException e) {
            throw new ApiProblem(400, "Unreadable body", "the body could not be read: " + e.getMessage());
        }
    }
}
