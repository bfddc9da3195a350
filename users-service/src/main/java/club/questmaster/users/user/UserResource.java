package club.questmaster.users.user;

import club.questmaster.platform.web.QueryParams;
import club.questmaster.platform.security.Callers;
import club.questmaster.platform.web.ApiException;
import club.questmaster.users.privacy.ErasureService;
import club.questmaster.users.privacy.PrivacyViews;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Users", description = "Public profiles, for any signed-in user")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", description = "No or bad token (UNAUTHENTICATED)")
@APIResponse(responseCode = "403", description = "Banned account (ACCOUNT_BANNED); wrong password on erasure (FORBIDDEN)")
public class UserResource {

    private final UserService users;
    private final ErasureService erasure;
    private final Callers callers;

    public UserResource(UserService users, ErasureService erasure, Callers callers) {
        this.users = users;
        this.erasure = erasure;
        this.callers = callers;
    }

    @DELETE
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "eraseMyAccount", summary = "Erase the caller's account everywhere: {password} for a local account, {confirm:\"DELETE\"} for a Discord one")
    @APIResponse(responseCode = "204", description = "Erased here; every service has removed or anonymised its data within 60 s")
    @APIResponse(responseCode = "400", description = "Password or confirmation missing (VALIDATION_ERROR)")
    public Uni<Void> erase(@Valid PrivacyViews.Erase request) {
        return callers.current().chain(caller -> erasure.eraseMe(caller, request));
    }

    @GET
    @Path("/me")
    @Operation(operationId = "getMe", summary = "The caller")
    @APIResponse(responseCode = "200", description = "The caller's profile")
    public Uni<UserView> me() {
        return callers.current().chain(users::me);
    }

    @GET
    @Path("/search")
    @Operation(operationId = "searchUsers", summary = "Users whose username or name contains q (at most 10)")
    @APIResponse(responseCode = "200", description = "Up to 10 users")
    @APIResponse(responseCode = "400", description = "q missing or longer than 50 characters")
    public Uni<List<UserView>> search(@QueryParam("q") String q) {
        String query = QueryParams.text("q", q, 50)
                .orElseThrow(() -> ApiException.invalid("q", "is required"));
        return callers.current().chain(caller -> users.search(caller, query));
    }

    @GET
    @Operation(operationId = "listUsersByIds",
            summary = "Several users by id (?ids=a,b,c, at most 100); unknown ids are left out")
    @APIResponse(responseCode = "200", description = "The users found, in the order asked")
    @APIResponse(responseCode = "400", description = "ids missing or more than 100")
    public Uni<List<UserView>> byIds(@QueryParam("ids") String ids) {
        if (ids == null || ids.isBlank()) {
            throw ApiException.invalid("ids", "is required (comma-separated user ids)");
        }
        if (ids.length() > 100 * 22) {
            throw ApiException.invalid("ids", "at most " + UserService.MAX_IDS + " ids");
        }
        return callers.current().chain(caller -> users.byIds(caller, UserService.splitIds(ids)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getUser", summary = "One user")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No such user (NOT_FOUND)")
    public Uni<UserView> get(@PathParam("id") String id) {
        return callers.current().chain(caller -> users.get(caller, id));
    }
}
