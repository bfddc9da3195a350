package club.questmaster.games.reference;

import club.questmaster.games.reference.ReferenceInputs.NamedIconCreate;
import club.questmaster.games.reference.ReferenceInputs.NamedIconPatch;
import club.questmaster.games.reference.ReferenceInputs.NamedIconView;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * systems: read by anyone; written by admin+ or a holder of the delegated {@code manage_reference_data}
 * ({@code @PermissionsAllowed}: 401 anonymous, 403 otherwise).
 */
@Tag(name = "Reference data",
        description = "Systems, VTTs and special events: read by anyone, written by admin+ or manage_reference_data")
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/systems")
public class SystemResource {

    private final ReferenceService service;

    public SystemResource(ReferenceService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listSystems", summary = "Every system, by name")
    public Uni<List<NamedIconView>> list() {
        return service.systems();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSystem", summary = "One system")
    public Uni<NamedIconView> get(@PathParam("id") long id) {
        return service.system(id);
    }

    @POST
    @PermissionsAllowed(Permission.MANAGE_REFERENCE_DATA_NAME)
    @Operation(operationId = "createSystem", summary = "Add a system (admin+ or manage_reference_data)")
    @APIResponseSchema(value = NamedIconView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "409", description = "The name is taken (NAME_TAKEN)")
    public Uni<Response> create(@Valid @NotNull NamedIconCreate body) {
        return service.createSystem(body)
                .map(v -> Response.created(URI.create("/api/v1/systems/" + v.id())).entity(v).build());
    }

    @PATCH
    @PermissionsAllowed(Permission.MANAGE_REFERENCE_DATA_NAME)
    @Path("/{id}")
    @Operation(operationId = "updateSystem", summary = "Change a system (admin+ or manage_reference_data)")
    @APIResponse(responseCode = "409", description = "The name is taken (NAME_TAKEN)")
    @APIResponseSchema(value = NamedIconView.class, responseCode = "200", responseDescription = "Updated")
    public Uni<NamedIconView> update(@PathParam("id") long id, @Valid @NotNull NamedIconPatch body) {
        return service.updateSystem(id, body);
    }

    @DELETE
    @PermissionsAllowed(Permission.MANAGE_REFERENCE_DATA_NAME)
    @Path("/{id}")
    @Operation(operationId = "deleteSystem", summary = "Delete a system no game uses (admin+ or manage_reference_data)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "A game uses it (IN_USE)")
    public Uni<Response> delete(@PathParam("id") long id) {
        return service.deleteSystem(id)
                .map(v -> Response.noContent().build());
    }
}
