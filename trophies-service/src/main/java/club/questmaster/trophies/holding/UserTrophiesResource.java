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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Awards by hand (contract §4): grant, set quantity, +1, -1, remove; for admins and holders of the delegated permission
 * {@code manage_trophies} (§8). +1, -1 and remove take no body.
 */
@Tag(name = "Awards",
        description = "What each user holds, managed by admins and manage_trophies (automatic awards: archived games)")
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
    @Operation(operationId = "grantTrophy",
            summary = "Give a user a trophy they do not hold yet (admins, manage_trophies; unique: quantity 1)")
    @APIResponseSchema(value = HoldingView.class, responseCode = "201",
            responseDescription = "Granted: what the user now holds")
    @APIResponse(responseCode = "409", description = "The user already holds this trophy (CONFLICT)")
    public Uni<Response> grant(
            @PathParam("id") @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE) String userId,
            @NotNull @Valid GrantTrophyRequest request) {
        return service.grant(userId, request).map(holding -> Response.status(Response.Status.CREATED)
                .entity(holding).build());
    }

    @PATCH
    @Path("/{trophy_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setTrophyQuantity",
            summary = "Set how many of a trophy a user holds (admins, manage_trophies; a unique trophy stays at 1)")
    public Uni<HoldingView> setQuantity(
            @PathParam("id") @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE) String userId,
            @PathParam("trophy_id") long trophyId,
            @NotNull @Valid SetQuantityRequest request) {
        return service.setQuantity(userId, trophyId, request.quantity());
    }

    @POST
    @Path("/{trophy_id}/increment")
    @Operation(operationId = "incrementTrophy",
            summary = "One more of a held trophy (admins, manage_trophies; a unique trophy stays at 1)")
    public Uni<HoldingView> increment(
            @PathParam("id") @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE) String userId,
            @PathParam("trophy_id") long trophyId) {
        return service.increment(userId, trophyId);
    }

    @POST
    @Path("/{trophy_id}/decrement")
    @Operation(operationId = "decrementTrophy",
            summary = "One less of a held trophy (admins, manage_trophies); from 1 the holding is removed (quantity 0)")
    public Uni<HoldingView> decrement(
            @PathParam("id") @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE) String userId,
            @PathParam("trophy_id") long trophyId) {
        return service.decrement(userId, trophyId);
    }

    @DELETE
    @Path("/{trophy_id}")
    @Operation(operationId = "removeTrophy", summary = "Take a trophy away from a user (admins, manage_trophies)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Void> remove(
            @PathParam("id") @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE) String userId,
            @PathParam("trophy_id") long trophyId) {
        return service.remove(userId, trophyId);
    }
}
