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

/** Trophy definitions (contract §4): read by anyone, written by admins and holders of {@code manage_trophies}. */
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
    public Uni<List<TrophyView>> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Uni<TrophyView> get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @PermissionsAllowed(Permission.MANAGE_TROPHIES_NAME)
    public Uni<Response> create(@NotNull @Valid CreateTrophyRequest request) {
        return service.create(request).map(trophy -> Response.created(URI.create("/api/v1/trophies/" + trophy.id()))
                .entity(trophy).build());
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Permission.MANAGE_TROPHIES_NAME)
    public Uni<TrophyView> update(@PathParam("id") long id, @NotNull @Valid UpdateTrophyRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permission.MANAGE_TROPHIES_NAME)
    public Uni<Void> delete(@PathParam("id") long id) {
        return service.delete(id);
    }
}
