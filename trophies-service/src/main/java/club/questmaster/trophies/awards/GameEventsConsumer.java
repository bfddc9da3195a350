package club.questmaster.trophies.awards;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.IncomingEvent;
import club.questmaster.platform.messaging.consumer.ContractConsumer;
import club.questmaster.platform.messaging.consumer.ContractConsumers;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code questmaster.game-events} (group trophies-service) with the platform's consumer recipe
 * (docs/consumers.md). Archived games with {@code award_trophies} give badges ({@link ArchiveAward#givesBadges}:
 * never a cancelled game); every other event type is acknowledged and ignored. An unreadable record, or an archive that asks for awards without the data to compute them, goes to
 * {@code questmaster.game-events.dlq}; a database outage of any length is waited out, holding the position, so every
 * badge is given once it is back.
 */
@ApplicationScoped
public class GameEventsConsumer {

    static final String CONSUMER = "trophies-awards";

    private final ArchiveAwardService awards;
    private final ContractConsumer<IncomingEvent<GameEventData>> recipe;

    public GameEventsConsumer(ArchiveAwardService awards, ContractConsumers consumers, ObjectMapper json) {
        this.awards = awards;
        this.recipe = consumers.create(CONSUMER, "game-events",
                ContractConsumers.events(GameEventData.class, json, GameEventData.SCHEMA_VERSION),
                Set.of("processed_event_pkey", "game_award_pkey"));
    }

    @Incoming("game-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return recipe.consume(record, event -> {
            if (!ArchiveAward.givesBadges(event.type(), event.data())) {
                return Uni.createFrom().voidItem();
            }
            return awards.award(ArchiveAward.from(event.id(), event.data()));
        });
    }
}
