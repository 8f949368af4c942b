package io.fieldsales.platform.kittest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An endpoint someone forgot to annotate: the kit's deny-by-default must close it. */
@Path("/api/v1/forgotten")
public class UnannotatedResource {

    @GET
    public String open() {
        return "should never be served";
    }
}
