package club.questmaster.platform.testing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoint with a body of every JSON shape (text, number, flag, list, map, nested object), so the
 * contract's hostile-input rules (§6) can be checked in every service against the real JSON setup.
 */
@Path("/test-support/hostile")
public class HostileInputProbe {

    public record Inner(String label, List<Inner> children) {
    }

    /** Required fields are boxed and {@code @NotNull}, as in every request record: an explicit null is a 400. */
    public record Body(String name, @NotNull Integer count, @NotNull Boolean flag, List<String> tags,
            Map<String, Integer> scores, Inner inner) {
    }

    @POST
    @Operation(hidden = true)
    public Body echo(@Valid @NotNull Body body) {
        return body;
    }

    @GET
    @Operation(hidden = true)
    public Map<String, String> query(@QueryParam("q") String q) {
        return Map.of("q", q == null ? "" : q);
    }
}
