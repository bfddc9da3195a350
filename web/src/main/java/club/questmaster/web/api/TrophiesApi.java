package club.questmaster.web.api;

import club.questmaster.web.api.Dtos.Badge;
import club.questmaster.web.api.Dtos.Leaderboards;
import club.questmaster.web.api.Dtos.Trophy;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** trophies-service (contract §4): read-only from the pages. */
@RegisterRestClient(configKey = "trophies-service")
@RegisterProvider(ProblemMapper.Trophies.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface TrophiesApi {

    @GET
    @Path("/users/{id}/badges")
    Uni<List<Badge>> badges(@PathParam("id") String userId);

    @GET
    @Path("/trophies")
    Uni<List<Trophy>> trophies();

    @GET
    @Path("/leaderboards")
    Uni<Leaderboards> leaderboards();
}
