package club.questmaster.games.reference;

import club.questmaster.games.reference.ReferenceInputs.SpecialEventCreate;
import club.questmaster.games.reference.ReferenceInputs.SpecialEventPatch;
import club.questmaster.games.reference.ReferenceInputs.SpecialEventView;
import club.questmaster.platform.security.Permission;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Special events: read by anyone ({@code ?active=true} for the running ones); written by admin+ or a holder of the
 * delegated {@code manage_reference_data}
 * ({@code @PermissionsAllowed}: 401 anonymous, 403 otherwise).
 */
@Tag(name = "Reference data",
        description = "Systems, VTTs and special events: read by anyone, written by admin+ or manage_reference_data")
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/special-events")
public class SpecialEventResource {

    private final ReferenceService service;

    public SpecialEventResource(ReferenceService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listSpecialEvents",
            summary = "Every special event, by name (?active=true: the active ones)")
    public Uni<List<SpecialEventView>> list(@QueryParam("active") Boolean active) {
        return service.specialEvents(Boolean.TRUE.equals(active));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSpecialEvent", summary = "One special event")
    public Uni<SpecialEventView> get(@PathParam("id") long id) {
        return service.specialEvent(id);
    }

    @POST
    @PermissionsAllowed(Permission.MANAGE_REFERENCE_DATA_NAME)
    @Operation(operationId = "createSpecialEvent", summary = "Add a special event (admin+ or manage_reference_data)")
    @APIResponseSchema(value = SpecialEventView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "409", description = "The name is taken (NAME_TAKEN)")
    public Uni<Response> create(@Valid @NotNull SpecialEventCreate body) {
        return service.createSpecialEvent(body)
                .map(v -> Response.created(URI.create("/api/v1/special-events/" + v.id())).entity(v).build());
    }

    @PATCH
    @PermissionsAllowed(Permission.MANAGE_REFERENCE_DATA_NAME)
    @Path("/{id}")
    @Operation(operationId = "updateSpecialEvent", summary = "Change a special event (admin+ or manage_reference_data)")
    @APIResponse(responseCode = "409", description = "The name is taken (NAME_TAKEN)")
    @APIResponseSchema(value = SpecialEventView.class, responseCode = "200", responseDescription = "Updated")
    public Uni<SpecialEventView> update(@PathParam("id") long id, @Valid @NotNull SpecialEventPatch body) {
        return service.updateSpecialEvent(id, body);
    }

    @DELETE
    @PermissionsAllowed(Permission.MANAGE_REFERENCE_DATA_NAME)
    @Path("/{id}")
    @Operation(operationId = "deleteSpecialEvent",
            summary = "Delete a special event no game uses (admin+ or manage_reference_data)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "A game uses it (IN_USE)")
    public Uni<Response> delete(@PathParam("id") long id) {
        return service.deleteSpecialEvent(id)
                .map(v -> Response.noContent().build());
    }
}
