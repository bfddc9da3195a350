package club.questmaster.users.session;

import club.questmaster.platform.security.Callers;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users/me/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Sessions", description = "The caller's active sessions (one per login), with kick")
@APIResponse(responseCode = "401", description = "No or bad token (UNAUTHENTICATED)")
@APIResponse(responseCode = "403", description = "Banned (ACCOUNT_BANNED), or a bot token (INSUFFICIENT_SCOPE)")
public class SessionResource {

    private final SessionService sessions;
    private final Callers callers;

    public SessionResource(SessionService sessions, Callers callers) {
        this.sessions = sessions;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listMySessions", summary = "The caller's live sessions, most recently used first; current marks this request's")
    @APIResponse(responseCode = "200", description = "[{id, created_at, last_used_at, user_agent, current}]")
    public Uni<List<SessionView>> list() {
        return callers.current().chain(caller -> sessions.mine(caller));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeMySession", summary = "Revoke a session: its refresh tokens die, its access tokens are refused everywhere within 5 s")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such live session of the caller (NOT_FOUND)")
    public Uni<Void> revoke(@PathParam("id") String id) {
        return callers.current().chain(caller -> sessions.revokeMine(caller, id));
    }
}
