package club.questmaster.users.user;

import club.questmaster.platform.web.QueryParams;
import club.questmaster.platform.security.Callers;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.PageRequest;
import club.questmaster.platform.web.PageResult;
import club.questmaster.users.privacy.ErasureService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Account administration (admin+). Who may touch whom: an actor manages only users whose highest role is strictly
 * below theirs and grants only roles strictly below their own; a superuser manages all.
 */
@Path("/api/v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.SUPERUSER_NAME})
@Tag(name = "Admin: users", description = "Account administration (admin and superuser)")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "401", description = "No or bad token (UNAUTHENTICATED)")
@APIResponse(responseCode = "403", description = "Not allowed by the role hierarchy (FORBIDDEN), or banned (ACCOUNT_BANNED)")
public class AdminUserResource {

    private final UserAdminService users;
    private final ErasureService erasure;
    private final Callers callers;

    public AdminUserResource(UserAdminService users, ErasureService erasure, Callers callers) {
        this.users = users;
        this.erasure = erasure;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a local account")
    @APIResponseSchema(value = AdminUserView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "400", description = "Invalid username, password or roles (VALIDATION_ERROR)")
    @APIResponse(responseCode = "409", description = "Username taken (NAME_TAKEN)")
    public Uni<Response> create(@Valid @NotNull CreateUserRequest request) {
        return callers.current().chain(caller -> users.create(caller, request))
                .map(user -> Response.created(URI.create("/api/v1/users/" + user.id())).entity(user).build());
    }

    @GET
    @Operation(operationId = "listUsersForAdmin",
            summary = "List accounts (paginated), filtered by q (username, name or id), role and banned")
    @APIResponse(responseCode = "200", description = "{items,total,page,per_page,pages}")
    @APIResponse(responseCode = "400", description = "Bad filter or page (VALIDATION_ERROR)")
    public Uni<PageResult<AdminUserView>> list(@QueryParam("q") String q, @QueryParam("role") String role,
            @QueryParam("banned") String banned, @QueryParam("page") String page,
            @QueryParam("per_page") String perPage) {
        UserRepository.Filter filter = new UserRepository.Filter(QueryParams.text("q", q, 50),
                QueryParams.text("role", role, 20).map(r -> Roles.validated("role", List.of(r)).get(0)),
                QueryParams.bool("banned", banned));
        PageRequest request = PageRequest.parse(page, perPage);
        return callers.current().chain(caller -> users.list(caller, filter, request));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getUserForAdmin", summary = "One account, with its moderation and login state")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "404", description = "No such user (NOT_FOUND)")
    public Uni<AdminUserView> get(@PathParam("id") String id) {
        return callers.current().chain(caller -> users.get(caller, id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateUser",
            summary = "Change name, roles, password or not_player_as_of (absent fields are left as they are)")
    @APIResponse(responseCode = "200", description = "The updated account")
    @APIResponse(responseCode = "400", description = "Invalid value (VALIDATION_ERROR)")
    @APIResponse(responseCode = "404", description = "No such user (NOT_FOUND)")
    public Uni<AdminUserView> patch(@PathParam("id") String id, @Valid @NotNull PatchUserRequest request) {
        return callers.current().chain(caller -> users.patch(caller, id, request));
    }

    @PUT
    @Path("/{id}/permissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setUserPermissions", summary = "Replace a user's delegated permissions (manage_reference_data, manage_trophies, view_audit, moderate_games)")
    @APIResponse(responseCode = "200", description = "The account, with its permissions")
    @APIResponse(responseCode = "400", description = "Unknown permission (VALIDATION_ERROR)")
    @APIResponse(responseCode = "404", description = "No such user (NOT_FOUND)")
    public Uni<AdminUserView> setPermissions(@PathParam("id") String id,
            @Valid @NotNull PermissionsRequest request) {
        return callers.current().chain(caller -> users.setPermissions(caller, id, request.permissions()));
    }

    @POST
    @Path("/{id}/ban")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "banUser",
            summary = "Ban: revokes every refresh token; every service refuses the live access tokens within 5 s")
    @APIResponse(responseCode = "200", description = "The banned account")
    @APIResponse(responseCode = "404", description = "No such user (NOT_FOUND)")
    public Uni<AdminUserView> ban(@PathParam("id") String id, @Valid BanRequest request) {
        return callers.current().chain(caller -> users.ban(caller, id, request == null ? null : request.reason()));
    }

    @POST
    @Path("/{id}/unban")
    @Operation(operationId = "unbanUser", summary = "Lift a ban")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "404", description = "No such user (NOT_FOUND)")
    public Uni<AdminUserView> unban(@PathParam("id") String id) {
        return callers.current().chain(caller -> users.unban(caller, id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.SUPERUSER_NAME)
    @Operation(operationId = "deleteUser",
            summary = "Erase an account (superuser): its personal data is deleted here and, within 60 s, in every service; the id stays as a tombstone")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", description = "No such user (NOT_FOUND)")
    public Uni<Void> delete(@PathParam("id") String id) {
        return callers.current().chain(caller -> erasure.eraseByAdmin(caller, id));
    }
}
