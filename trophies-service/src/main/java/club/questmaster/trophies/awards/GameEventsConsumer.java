package club.questmaster.trophies.awards;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.IncomingEvent;
import club.questmaster.platform.messaging.consumer.ContractConsumer;
import club.questmaster.platform.messaging.consumer.ContractConsumers;
import club.questmaster.platform.messaging.consumer.RecordReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code questmaster.game-events} (group trophies-service) in batches with the platform's consumer recipe
 * (docs/consumers.md). Archived games with {@code award_trophies} give badges ({@link ArchiveAward#givesBadges}:
 * never a cancelled game): all the archives of a batch in one statement ({@link ArchiveAwardStore}), retried whole
 * while the database is away; every other event type is acknowledged and ignored, with no statement at all. An
 * unreadable record, or an archive that asks for awards without the data to compute them, goes to
 * {@code questmaster.game-events.dlq}; a database outage of any length is waited out, holding the position, so every
 * badge is given once it is back.
 */
@ApplicationScoped
public class GameEventsConsumer {

    private static final Logger LOG = Logger.getLogger(GameEventsConsumer.class);

    private final ArchiveAwardStore store;
    private final ContractConsumer<Optional<ArchiveAward>> recipe;

    public GameEventsConsumer(ArchiveAwardStore store, ContractConsumers consumers, ObjectMapper json) {
        this.store = store;
        RecordReader<IncomingEvent<GameEventData>> events = ContractConsumers.events(GameEventData.class, json,
                GameEventData.SCHEMA_VERSION);
        this.recipe = consumers.create(ArchiveAwardStore.CONSUMER, "game-events", record -> award(events.read(record)),
                Set.of("processed_event_pkey", "game_award_pkey"));
    }

    /** The award an event gives, if any; an archive asking for awards without the data for them is poison. */
    private static Optional<ArchiveAward> award(IncomingEvent<GameEventData> event) {
        return ArchiveAward.givesBadges(event.type(), event.data())
                ? Optional.of(ArchiveAward.from(event.id(), event.data())) : Optional.empty();
    }

    @Incoming("game-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> batch) {
        return recipe.consumeBatch(batch, this::awardAll, award -> awardAll(List.of(award)));
    }

    private Uni<Void> awardAll(List<Optional<ArchiveAward>> events) {
        List<ArchiveAward> awards = events.stream().flatMap(Optional::stream).toList();
        if (awards.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return store.award(awards).invoke(given -> LOG.infof("%d archive(s) asking for badges: %d game(s) awarded,"
                + " %d holding(s) written (the others were processed before, or their game was already awarded)",
                awards.size(), given.games(), given.holdings())).replaceWithVoid();
    }
}
