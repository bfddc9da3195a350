package club.questmaster.web.api;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * games-service's live stream of every non-draft game (contract §7), a client of its own: its connection stays open
 * for minutes (a comment every 15 s), so it cannot share the 5 s read timeout of {@link GamesApi}.
 */
@RegisterRestClient(configKey = "games-live")
@RegisterProvider(ProblemMapper.Games.class)
@Path("/api/v1")
public interface GamesLiveApi {

    @GET
    @Path("/live/games")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> games();
}
