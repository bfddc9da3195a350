package club.questmaster.web.api;

import club.questmaster.web.api.Dtos.AuditEvent;
import club.questmaster.web.api.Dtos.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** audit-service (contract §5). */
@RegisterRestClient(configKey = "audit-service")
@RegisterProvider(ProblemMapper.Audit.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

    @GET
    @Path("/games/{gameId}/events")
    Uni<Page<AuditEvent>> timeline(@HeaderParam("Authorization") String auth, @PathParam("gameId") long gameId,
            @QueryParam("page") Integer page, @QueryParam("per_page") Integer perPage);

    @GET
    @Path("/game-events")
    Uni<Page<AuditEvent>> search(@HeaderParam("Authorization") String auth, @QueryParam("action") String action,
            @QueryParam("user_id") String userId, @QueryParam("q") String q, @QueryParam("page") Integer page,
            @QueryParam("per_page") Integer perPage);
}
