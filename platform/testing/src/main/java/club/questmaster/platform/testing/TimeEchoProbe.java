package club.questmaster.platform.testing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoint (hidden from the OpenAPI documents): echoes a date-time, so the contract's time rules can be
 * checked in every service.
 */
@Path("/test-support/time")
public class TimeEchoProbe {

    public record At(OffsetDateTime at) {
    }

    @POST
    @Operation(hidden = true)
    public At echo(At body) {
        return body;
    }

    @GET
    @Operation(hidden = true)
    public At query(@QueryParam("at") OffsetDateTime at) {
        return new At(at);
    }
}
