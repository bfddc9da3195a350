package club.questmaster.trophies.catalog;

import club.questmaster.platform.security.Permission;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** Trophy definitions (contract §4): read by anyone, written by admins and holders of {@code manage_trophies}. */
@Tag(name = "Trophies", description = "Trophy definitions: read by anyone, written by admins and manage_trophies")
@Path("/api/v1/trophies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrophyResource {

    private final TrophyService service;

    public TrophyResource(TrophyService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listTrophies",
            summary = "Every trophy definition, by id (the four built-in badges are 1-4)")
    public Uni<List<TrophyView>> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getTrophy", summary = "One trophy definition")
    public Uni<TrophyView> get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @PermissionsAllowed(Permission.MANAGE_TROPHIES_NAME)
    @Operation(operationId = "createTrophy", summary = "Define a trophy (admins, manage_trophies)")
    @APIResponseSchema(value = TrophyView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "409", description = "Another trophy has this name (NAME_TAKEN)")
    public Uni<Response> create(@NotNull @Valid CreateTrophyRequest request) {
        return service.create(request).map(trophy -> Response.created(URI.create("/api/v1/trophies/" + trophy.id()))
                .entity(trophy).build());
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Permission.MANAGE_TROPHIES_NAME)
    @Operation(operationId = "updateTrophy",
            summary = "Change a trophy's name, unique flag or icon (admins, manage_trophies)")
    @APIResponseSchema(value = TrophyView.class, responseCode = "200", responseDescription = "Updated")
    @APIResponse(responseCode = "409", description = "Another trophy has this name (NAME_TAKEN)")
    public Uni<TrophyView> update(@PathParam("id") long id, @NotNull @Valid UpdateTrophyRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permission.MANAGE_TROPHIES_NAME)
    @Operation(operationId = "deleteTrophy",
            summary = "Delete a trophy nobody holds (admins, manage_trophies; not a built-in badge)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "A built-in badge, or still held by someone (IN_USE)")
    public Uni<Void> delete(@PathParam("id") long id) {
        return service.delete(id);
    }
}
