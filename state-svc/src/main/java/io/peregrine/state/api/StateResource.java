package io.peregrine.state.api;

import io.peregrine.kit.auth.Roles;
import io.peregrine.state.frames.FrameApplier;
import io.peregrine.state.service.StateIngest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/** Status of the state service: per-node table sizes, evictions, loss and malformed frames. */
@Path("/api/v1/state")
@RolesAllowed({Roles.VIEWER, Roles.EDITOR, Roles.ADMIN})
public class StateResource {
    private final StateIngest ingest;

    public StateResource(StateIngest ingest) {
        this.ingest = ingest;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        FrameApplier a = ingest.applier();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", ingest.node());
        m.put("running", ingest.running());
        m.put("frames", a.frames());
        m.put("malformedFrames", a.malformed());
        m.put("refusedFrames", a.refused());
        m.put("events", a.events());
        m.put("lostEvents", a.lostEvents());
        m.put("sequenceGaps", a.sequenceGaps());
        m.put("restarts", a.restarts());
        m.put("interestTypes", a.interest().eventTypes().size());
        m.put("interestError", ingest.interestError());
        m.put("nodes", a.nodeStatus());
        return m;
    }
}
