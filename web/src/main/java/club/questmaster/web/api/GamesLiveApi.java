package club.questmaster.web.api;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * games-service's live streams (contract §7), a client of its own: a stream stays open for minutes (a comment every
 * 15 s), so it cannot share the 5 s read timeout of {@link GamesApi}.
 */
@RegisterRestClient(configKey = "games-live")
@RegisterProvider(ProblemMapper.Games.class)
@Path("/api/v1")
public interface GamesLiveApi {

    /** Every non-draft game (the board). */
    @GET
    @Path("/live/games")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> games();

    /** One game, for whoever may see it (a private game needs the signed-in user's token). */
    @GET
    @Path("/games/{slug}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> game(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug);
}
