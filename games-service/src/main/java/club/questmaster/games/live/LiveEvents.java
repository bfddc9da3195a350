package club.questmaster.games.live;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;

/** How live states go out as Server-Sent Events: events named {@code game}, and a comment every 15 s. */
final class LiveEvents {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private LiveEvents() {
    }

    /** The events, with a keep-alive comment every 15 s so that proxies never close an idle stream. */
    static Multi<OutboundSseEvent> withKeepAlive(Sse sse, Multi<OutboundSseEvent> events) {
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(events, pings);
    }

    static OutboundSseEvent event(Sse sse, String id, LiveState state) {
        return sse.newEventBuilder().name("game").id(id).mediaType(MediaType.APPLICATION_JSON_TYPE).data(state)
                .build();
    }
}
