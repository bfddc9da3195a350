package club.questmaster.platform.testing;

import club.questmaster.platform.security.Callers;
import club.questmaster.platform.security.Permission;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only endpoint (this module is never on a runtime classpath): who does the server think the caller is? It reads
 * the caller the way every resource does ({@link Callers#current()}), so the foundation test proves the services' own
 * caller resolution: roles and permissions from the projection, refused tokens, scopes.
 * The operation is hidden from the OpenAPI document.
 */
@Path("/test-support/whoami")
public class WhoAmIProbe {

    private final Callers callers;

    public WhoAmIProbe(Callers callers) {
        this.callers = callers;
    }

    @GET
    @Operation(hidden = true)
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> whoami() {
        return callers.current().map(caller -> Map.of("id", caller.id(), "username", caller.username(),
                "roles", caller.roleNames(),
                "permissions", caller.permissions().stream().map(Permission::claim).sorted().toList()));
    }
}
