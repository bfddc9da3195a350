package club.questmaster.web.pages;

import club.questmaster.web.api.GamesLiveApi;
import club.questmaster.web.session.WebSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * Relays games-service's {@code game} events ({slug, status, seats_left, waitlist_length}, contract §7) to the pages'
 * script under this site's address: {@code /live/annonces} for the board (every non-draft game),
 * {@code /live/annonces/{slug}} for a game page (with the signed-in user's token, so a private game streams to whoever
 * may see it). When games-service has no stream (or it ends) the relay ends too, and the script stops listening: the
 * pages keep the counts they were rendered with.
 */
@Path("/live/annonces")
public class LiveRelay {

    private final GamesLiveApi live;
    private final WebSession session;

    public LiveRelay(@RestClient GamesLiveApi live, WebSession session) {
        this.live = live;
        this.session = session;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void board(@Context SseEventSink sink, @Context Sse sse) {
        relay(live.games(), sink, sse);
    }

    @GET
    @Path("{slug}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void game(@PathParam("slug") String slug, @Context SseEventSink sink, @Context Sse sse) {
        relay(live.game(session.bearer(), slug), sink, sse);
    }

    private static void relay(Multi<SseEvent<String>> upstreamEvents, SseEventSink sink, Sse sse) {
        // A comment first: the browser's EventSource opens now, not at the first change (the board may wait minutes).
        sink.send(sse.newEventBuilder().comment("relaying games-service").build());
        AtomicReference<Cancellable> upstream = new AtomicReference<>();
        upstream.set(upstreamEvents
                .filter(event -> "game".equals(event.name()) && event.data() != null)
                .subscribe().with(
                        event -> {
                            if (sink.isClosed()) {
                                cancel(upstream);
                                return;
                            }
                            sink.send(sse.newEventBuilder().name("game").mediaType(MediaType.APPLICATION_JSON_TYPE)
                                            .data(event.data()).build())
                                    // A failed send: the browser went away, so stop reading from games-service.
                                    .whenComplete((sent, failure) -> {
                                        if (failure != null) {
                                            cancel(upstream);
                                        }
                                    });
                        },
                        failure -> sink.close(),
                        sink::close));
    }

    private static void cancel(AtomicReference<Cancellable> upstream) {
        Cancellable subscription = upstream.get();
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
