package io.peregrine.capture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * An endpoint that forgot its role annotation, deployed in tests only: the service must deny it
 * (quarkus.security.jaxrs.deny-unannotated-endpoints), whoever asks.
 */
@Path("/api/v1/unannotated")
public class UnannotatedResource {

    @GET
    public String open() {
        return "reachable";
    }
}
