package club.questmaster.games.reference;

import club.questmaster.games.game.Actors;
import club.questmaster.games.reference.ReferenceInputs.NamedIconCreate;
import club.questmaster.games.reference.ReferenceInputs.NamedIconPatch;
import club.questmaster.games.reference.ReferenceInputs.NamedIconView;
import club.questmaster.platform.security.Role;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** systems: read by anyone, written by admin+. */
@Path("/api/v1/systems")
public class SystemResource {

    private final ReferenceService service;
    private final Actors actors;

    public SystemResource(ReferenceService service, Actors actors) {
        this.service = service;
        this.actors = actors;
    }

    @GET
    public Uni<List<NamedIconView>> list() {
        return service.systems();
    }

    @GET
    @Path("/{id}")
    public Uni<NamedIconView> get(@PathParam("id") long id) {
        return service.system(id);
    }

    @POST
    public Uni<Response> create(@Valid @NotNull NamedIconCreate body) {
        return actors.current().chain(actor -> {
            actor.require(Role.ADMIN);
            return service.createSystem(body);
        })
                .map(v -> Response.created(URI.create("/api/v1/systems/" + v.id())).entity(v).build());
    }

    @PATCH
    @Path("/{id}")
    public Uni<NamedIconView> update(@PathParam("id") long id, @Valid @NotNull NamedIconPatch body) {
        return actors.current().chain(actor -> {
            actor.require(Role.ADMIN);
            return service.updateSystem(id, body);
        });
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") long id) {
        return actors.current().chain(actor -> {
            actor.require(Role.ADMIN);
            return service.deleteSystem(id);
        }).map(v -> Response.noContent().build());
    }
}
