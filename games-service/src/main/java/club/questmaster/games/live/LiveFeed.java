package club.questmaster.games.live;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.IncomingEvent;
import club.questmaster.platform.messaging.PoisonRecordException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every game change, whichever replica made it, as the live streams' source: each replica reads
 * {@code questmaster.game-events} in a consumer group of its own (channel {@code game-events-live}, from the latest
 * offset, nothing committed), so every replica sees every event and streams it to its own clients.
 *
 * <p>Not a durable consumer: it stores nothing and a lost update is repaired by the next one (each update is the
 * game's whole live state) or by a reconnect (which starts with the current state). So, unlike the recipe of
 * docs/consumers.md, an unreadable record is skipped here — the durable consumers dead-letter it — and a failed read
 * of the game is dropped rather than retried.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);

    private final BroadcastProcessor<LiveUpdate> updates = BroadcastProcessor.create();
    /** Streams open right now on this replica: with none, an event is not read (docs/performance.md, P1). */
    private final AtomicInteger listeners = new AtomicInteger();
    private final LiveStates states;
    private final IncomingEvent.Reader<GameEventData> events;

    public LiveFeed(LiveStates states, ObjectMapper json) {
        this.states = states;
        this.events = IncomingEvent.reader(GameEventData.class, json, GameEventData.SCHEMA_VERSION);
    }

    /** Updates from now on; a slow client skips intermediate states rather than holding the others back. */
    Multi<LiveUpdate> updates() {
        return updates.onOverflow().drop()
                .onSubscription().invoke(listeners::incrementAndGet)
                .onTermination().invoke(listeners::decrementAndGet);
    }

    @Incoming("game-events-live")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        if (listeners.get() == 0) {
            // nobody to tell: each update is a game's whole state, and a stream opened later starts with the current one
            return Uni.createFrom().voidItem();
        }
        IncomingEvent<GameEventData> event;
        try {
            event = events.read(record);
        } catch (PoisonRecordException e) {
            LOG.debugf("Live feed skips an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        GameEventData data = event.data();
        long gameId;
        try {
            gameId = Long.parseLong(data.gameId());
        } catch (RuntimeException e) {
            return Uni.createFrom().voidItem();
        }
        LiveState carried = LiveState.ofEvent(data);
        Uni<LiveState> state = carried != null ? Uni.createFrom().item(carried) : states.current(gameId);
        String eventId = event.id().toString();
        return state.invoke(s -> {
            if (s != null) {
                updates.onNext(new LiveUpdate(gameId, eventId, s));
            }
        }).onFailure().invoke(e -> LOG.debugf("Live state of game %d not read: %s", gameId, e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
