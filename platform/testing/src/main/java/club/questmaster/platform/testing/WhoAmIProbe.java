package club.questmaster.platform.testing;

import club.questmaster.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Test-only endpoint (this module is never on a runtime classpath): who does the server think the caller is? */
@Path("/test-support/whoami")
public class WhoAmIProbe {

    private final CurrentUser user;

    public WhoAmIProbe(CurrentUser user) {
        this.user = user;
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> whoami() {
        return Map.of("id", user.id(), "username", user.username(), "roles", user.roles());
    }
}
