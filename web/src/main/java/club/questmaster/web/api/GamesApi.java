package club.questmaster.web.api;

import club.questmaster.web.api.Dtos.CalendarEvent;
import club.questmaster.web.api.Dtos.Game;
import club.questmaster.web.api.Dtos.Page;
import club.questmaster.web.api.Dtos.Poll;
import club.questmaster.web.api.Dtos.Reference;
import club.questmaster.web.api.Dtos.Stats;
import club.questmaster.web.api.Dtos.WaitlistEntry;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** games-service (contract §3, §7). Bodies of create and edit are the form's fields, already in the API's names. */
@RegisterRestClient(configKey = "games-service")
@RegisterProvider(ProblemMapper.Games.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface GamesApi {

    @GET
    @Path("/games")
    Uni<Page<Game>> games(@HeaderParam("Authorization") String auth, @QueryParam("status") List<String> status,
            @QueryParam("type") List<String> type, @QueryParam("restriction") List<String> restriction,
            @QueryParam("name") String name, @QueryParam("system_id") Long systemId,
            @QueryParam("vtt_id") Long vttId, @QueryParam("gm_id") String gmId,
            @QueryParam("player_id") String playerId, @QueryParam("special_event_id") Long specialEventId,
            @QueryParam("page") Integer page, @QueryParam("per_page") Integer perPage);

    @GET
    @Path("/games/{slug}")
    Uni<Game> game(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug);

    @POST
    @Path("/games")
    Uni<Game> create(@HeaderParam("Authorization") String auth, Map<String, Object> body);

    @PATCH
    @Path("/games/{slug}")
    Uni<Game> edit(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug,
            Map<String, Object> body);

    @DELETE
    @Path("/games/{slug}")
    Uni<Void> delete(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug);

    /** publish, close, reopen, archive, cancel: {@code body} is that transition's (may be empty). */
    @POST
    @Path("/games/{slug}/{transition}")
    Uni<Game> transition(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug,
            @PathParam("transition") String transition, Map<String, Object> body);

    @POST
    @Path("/games/{slug}/registrations")
    Uni<Void> register(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug);

    @DELETE
    @Path("/games/{slug}/registrations/me")
    Uni<Void> leave(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug);

    @DELETE
    @Path("/games/{slug}/players/{userId}")
    Uni<Void> removePlayer(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug,
            @PathParam("userId") String userId);

    @POST
    @Path("/games/{slug}/sessions")
    Uni<Void> addSession(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug,
            Map<String, Object> body);

    @DELETE
    @Path("/games/{slug}/sessions/{id}")
    Uni<Void> deleteSession(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug,
            @PathParam("id") long id);

    @GET
    @Path("/games/{slug}/waitlist")
    Uni<List<WaitlistEntry>> waitlist(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug);


    @POST
    @Path("/games/{slug}/waitlist")
    Uni<WaitlistEntry> joinWaitlist(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug);

    @DELETE
    @Path("/games/{slug}/waitlist/me")
    Uni<Void> leaveWaitlist(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug);

    @POST
    @Path("/games/{slug}/waitlist/me/{answer}")
    Uni<Void> answerOffer(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug,
            @PathParam("answer") String answer);

    /** The game's availability polls, newest first (its gm, admins and registered players). */
    @GET
    @Path("/games/{slug}/polls")
    Uni<List<Poll>> polls(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug);

    @POST
    @Path("/games/{slug}/polls")
    Uni<Poll> createPoll(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug,
            Map<String, Object> body);

    /** {@code pick} ({@code {option_id}}: the option becomes a session) or {@code close} (no body). */
    @POST
    @Path("/games/{slug}/polls/{id}/{action}")
    Uni<Poll> decidePoll(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug,
            @PathParam("id") long id, @PathParam("action") String action, Map<String, Object> body);

    @PUT
    @Path("/games/{slug}/polls/{id}/answers/me")
    Uni<Poll> answerPoll(@HeaderParam("Authorization") String auth, @PathParam("slug") String slug,
            @PathParam("id") long id, Map<String, Object> body);

    @GET
    @Path("/{kind}")
    Uni<List<Reference>> references(@PathParam("kind") String kind);

    @POST
    @Path("/{kind}")
    Uni<Reference> createReference(@HeaderParam("Authorization") String auth, @PathParam("kind") String kind,
            Map<String, Object> body);

    @DELETE
    @Path("/{kind}/{id}")
    Uni<Void> deleteReference(@HeaderParam("Authorization") String auth, @PathParam("kind") String kind,
            @PathParam("id") long id);

    @GET
    @Path("/calendar/events")
    Uni<List<CalendarEvent>> calendar(@QueryParam("start") OffsetDateTime start, @QueryParam("end") OffsetDateTime end);

    /** The iCalendar feed (RFC 5545) of a gm's, a player's or one game's sessions, relayed as is. */
    @GET
    @Path("/calendar.ics")
    @Produces("text/calendar")
    Uni<String> ics(@QueryParam("gm_id") String gmId, @QueryParam("player_id") String playerId,
            @QueryParam("game") String game);

    @GET
    @Path("/stats")
    Uni<Stats> stats(@QueryParam("year") int year, @QueryParam("month") int month);
}
