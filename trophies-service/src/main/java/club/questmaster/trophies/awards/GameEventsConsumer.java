package club.questmaster.trophies.awards;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.IncomingEvent;
import club.questmaster.platform.messaging.PoisonRecordException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code questmaster.game-events} (group trophies-service). Archived games with {@code award_trophies}
 * give badges; every other event type is acknowledged and ignored. A record that cannot be read, or an archive that
 * asks for awards without the data to compute them, goes to {@code questmaster.game-events.dlq} with the reason
 * in {@code dead-letter-reason}, and consumption goes on. A failure of our own (database unreachable...) is retried
 * with back-off before the record is given up to the dead-letter topic, so a short outage loses nothing.
 */
@ApplicationScoped
public class GameEventsConsumer {

    private static final Logger LOG = Logger.getLogger(GameEventsConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    /** About ten minutes of retries with the back-off above. */
    private static final int RETRIES = 25;

    private final ArchiveAwardService awards;
    private final ObjectMapper json;

    public GameEventsConsumer(ArchiveAwardService awards, ObjectMapper json) {
        this.awards = awards;
        this.json = json;
    }

    @Incoming("game-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        ArchiveAward award;
        try {
            IncomingEvent<GameEventData> event = IncomingEvent.read(record, GameEventData.class, json,
                    GameEventData.SCHEMA_VERSION);
            if (!GameEventData.Types.ARCHIVED.equals(event.type())
                    || !Boolean.TRUE.equals(event.data().awardTrophies())) {
                return Uni.createFrom().voidItem();
            }
            award = ArchiveAward.from(event.id(), event.data());
        } catch (PoisonRecordException e) {
            LOG.warnf("poison record %s-%d@%d to the DLQ: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Uni.createFrom().failure(e);
        }
        // Retries re-subscribe after a delay on another thread: bring each attempt back to this record's Vert.x
        // context, where the Hibernate Reactive session of @WithTransaction must live.
        Context context = Vertx.currentContext();
        Executor onRecordContext = context == null ? Runnable::run : task -> context.runOnContext(v -> task.run());
        return Uni.createFrom().deferred(() -> awards.award(award))
                .runSubscriptionOn(onRecordContext)
                .onFailure(e -> !(e instanceof PoisonRecordException)).invoke(e -> LOG.warnf(e,
                        "awards for event %s failed, will retry", award.eventId()))
                .onFailure(e -> !(e instanceof PoisonRecordException)).retry()
                .withBackOff(FIRST_RETRY, MAX_RETRY).atMost(RETRIES)
                .replaceWithVoid();
    }
}
