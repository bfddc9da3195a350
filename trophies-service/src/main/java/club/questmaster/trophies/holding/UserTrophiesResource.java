package club.questmaster.trophies.holding;

import club.questmaster.platform.security.Permission;
import club.questmaster.platform.security.UserIds;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Awards by hand (contract §4): grant, set quantity, +1, -1, remove; for admins and holders of the delegated permission
 * {@code manage_trophies} (§8). +1, -1 and remove take no body.
 */
@Path("/api/v1/users/{id}/trophies")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Permission.MANAGE_TROPHIES_NAME)
public class UserTrophiesResource {

    private final HoldingService service;

    public UserTrophiesResource(HoldingService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> grant(
            @PathParam("id") @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE) String userId,
            @NotNull @Valid GrantTrophyRequest request) {
        return service.grant(userId, request).map(holding -> Response.status(Response.Status.CREATED)
                .entity(holding).build());
    }

    @PATCH
    @Path("/{trophy_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<HoldingView> setQuantity(
            @PathParam("id") @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE) String userId,
            @PathParam("trophy_id") long trophyId,
            @NotNull @Valid SetQuantityRequest request) {
        return service.setQuantity(userId, trophyId, request.quantity());
    }

    @POST
    @Path("/{trophy_id}/increment")
    public Uni<HoldingView> increment(
            @PathParam("id") @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE) String userId,
            @PathParam("trophy_id") long trophyId) {
        return service.increment(userId, trophyId);
    }

    @POST
    @Path("/{trophy_id}/decrement")
    public Uni<HoldingView> decrement(
            @PathParam("id") @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE) String userId,
            @PathParam("trophy_id") long trophyId) {
        return service.decrement(userId, trophyId);
    }

    @DELETE
    @Path("/{trophy_id}")
    public Uni<Void> remove(
            @PathParam("id") @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE) String userId,
            @PathParam("trophy_id") long trophyId) {
        return service.remove(userId, trophyId);
    }
}
