package io.peregrine.capture.api;

import io.peregrine.capture.pipeline.CapturePipeline;
import io.peregrine.capture.service.CaptureService;
import io.peregrine.kit.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Set;

@Path("/api/v1/capture")
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CaptureResource {

    private final CaptureService capture;

    public CaptureResource(CaptureService capture) {
        this.capture = capture;
    }

    public record Status(String node, String bootId, String source, String state, String error,
                         Set<String> selection, long eventsRead, long eventsSkipped, long eventsSent,
                         long framesSent, long bytesSent, long kernelLost, long queueLost, int queueDepth) {
    }

    @GET
    public Status status() {
        CapturePipeline p = capture.pipeline();
        if (p == null) {
            return new Status(capture.node(), capture.bootId().toString(), null, "STOPPED", capture.startError(),
                    Set.of(), 0, 0, 0, 0, 0, 0, 0, 0);
        }
        var src = p.source();
        var pub = p.publisher();
        return new Status(capture.node(), capture.bootId().toString(), src.description(), p.state().name(), p.failure(),
                src.selection(), src.events().eventsRead(), src.events().eventsSkipped(), pub.eventsSent(),
                pub.framesSent(), pub.bytesSent(), src.kernelLost(), pub.eventsLost(), p.queue().depth());
    }
}
