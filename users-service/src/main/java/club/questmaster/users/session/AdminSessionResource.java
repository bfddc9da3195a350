package club.questmaster.users.session;

import club.questmaster.platform.security.Callers;
import club.questmaster.platform.security.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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

/** A user's sessions, for the admins who manage them (the role hierarchy applies). */
@Path("/api/v1/admin/users/{id}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERUSER_NAME})
@Tag(name = "Admin: users")
@APIResponse(responseCode = "401", description = "No or bad token (UNAUTHENTICATED)")
@APIResponse(responseCode = "403", description = "Not allowed by the role hierarchy (FORBIDDEN), or banned (ACCOUNT_BANNED)")
@APIResponse(responseCode = "404", description = "No such user or session (NOT_FOUND)")
public class AdminSessionResource {

    private final SessionService sessions;
    private final Callers callers;

    public AdminSessionResource(SessionService sessions, Callers callers) {
        this.sessions = sessions;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listUserSessions", summary = "A user's live sessions")
    @APIResponse(responseCode = "200", description = "[{id, created_at, last_used_at, user_agent, current}]")
    public Uni<List<SessionView>> list(@PathParam("id") String id) {
        return callers.current().chain(caller -> sessions.ofUser(caller, id));
    }

    @DELETE
    @Path("/{sid}")
    @Operation(operationId = "revokeUserSession", summary = "Kick a user's session: its access tokens are refused everywhere within 5 s")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Uni<Void> revoke(@PathParam("id") String id, @PathParam("sid") String sid) {
        return callers.current().chain(caller -> sessions.revokeOfUser(caller, id, sid));
    }
}
