package io.peregrine.capture.api;

import io.peregrine.capture.recording.Recording;
import io.peregrine.capture.recording.Recordings;
import io.peregrine.capture.recording.RecordingFormat;
import io.peregrine.capture.service.CaptureService;
import io.peregrine.kit.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Recordings of what this node captures. Admin only: a capture holds command lines, paths and
 * addresses of everything that ran.
 */
@Path("/api/v1/capture/recordings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RecordingResource {

    private final CaptureService capture;

    public RecordingResource(CaptureService capture) {
        this.capture = capture;
    }

    /** What to record: {@code format} peregrine or scap; stop after {@code seconds} or {@code events}, whichever first. */
    public record Request(String format, Long seconds, Long events) {
    }

    public record View(String id, String format, String state, String file, long events, String started, String ended,
                       String error) {
        static View of(Recording r) {
            return new View(r.id(), r.format().name().toLowerCase(Locale.ROOT), r.state().name(), r.file().getFileName().toString(),
                    r.events(), r.started().toString(), r.ended() == null ? null : r.ended().toString(), r.error());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(Request req) throws IOException {
        if (req == null) {
            throw bad("a body is required: {\"format\": \"scap\", \"seconds\": 10}");
        }
        RecordingFormat format;
        try {
            format = RecordingFormat.valueOf((req.format() == null ? "peregrine" : req.format()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("format must be 'peregrine' or 'scap', not '" + req.format() + "'");
        }
        long seconds = req.seconds() == null ? 0 : req.seconds();
        long events = req.events() == null ? 0 : req.events();
        if (seconds < 0 || events < 0 || (seconds == 0 && events == 0)) {
            throw bad("give a positive 'seconds' or 'events' (or both): a recording must end by itself");
        }
        if (seconds > Recordings.MAX_SECONDS) {
            throw bad("'seconds' is at most " + Recordings.MAX_SECONDS + " (a day)");
        }
        Recording r;
        try {
            r = capture.recordings().start(format, seconds, events);
        } catch (Recordings.Busy e) {
            throw new WebApplicationException(Response.status(409).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build());
        }
        return Response.status(201).entity(View.of(r)).header("Location", "/api/v1/capture/recordings/" + r.id()).build();
    }

    @GET
    public List<View> list() {
        return capture.recordings().list().stream()
                .sorted(Comparator.comparing(Recording::started))
                .map(View::of).toList();
    }

    @GET
    @Path("{id}")
    public View get(@PathParam("id") String id) {
        return View.of(find(id));
    }

    @POST
    @Path("{id}/stop")
    public View stop(@PathParam("id") String id) {
        find(id);
        return View.of(capture.recordings().stop(id));
    }

    /** The file, once the recording has ended. */
    @GET
    @Path("{id}/file")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response download(@PathParam("id") String id) {
        Recording r = find(id);
        if (r.state() == Recording.State.RECORDING) {
            throw new WebApplicationException(Response.status(409).type(MediaType.TEXT_PLAIN)
                    .entity("recording " + id + " is still running: stop it or wait for its end").build());
        }
        return Response.ok(r.file().toFile())
                .header("Content-Disposition", "attachment; filename=\"" + r.file().getFileName() + "\"").build();
    }

    private Recording find(String id) {
        Recording r = capture.recordings().get(id);
        if (r == null) {
            throw new WebApplicationException(Response.status(404).type(MediaType.TEXT_PLAIN)
                    .entity("no recording " + id).build());
        }
        return r;
    }

    private static WebApplicationException bad(String message) {
        return new WebApplicationException(Response.status(400).type(MediaType.TEXT_PLAIN).entity(message).build());
    }
}
