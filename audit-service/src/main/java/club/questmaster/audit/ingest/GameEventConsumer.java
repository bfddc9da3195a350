package club.questmaster.audit.ingest;

import club.questmaster.platform.messaging.consumer.ContractConsumer;
import club.questmaster.platform.messaging.consumer.ContractConsumers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores every game event once, whatever the redeliveries, with the platform's consumer recipe (docs/consumers.md).
 * Records arrive in batches (whatever one poll returned, up to max.poll.records); the readable ones are stored in one
 * statement, retried whole while the database is away. When PostgreSQL refuses the batch as invalid data (a NUL
 * character in a description, say), the records are stored one at a time, so that only the bad one goes to
 * {@code questmaster.game-events.dlq}. The returned Uni completes, which acknowledges the batch, only once every
 * record is stored or dead-lettered; the throttled commit strategy commits acknowledged offsets only, so a crash at
 * any point redelivers from the last commit: at-least-once delivery, made exactly-once in effect by the unique event
 * id.
 */
@ApplicationScoped
public class GameEventConsumer {

    static final String CONSUMER = "audit-timeline";

    private final GameEventStore store;
    private final IngestMetrics metrics;
    private final ContractConsumer<ReceivedEvent> recipe;

    public GameEventConsumer(GameEventReader reader, GameEventStore store, IngestMetrics metrics,
            ContractConsumers consumers) {
        this.store = store;
        this.metrics = metrics;
        this.recipe = consumers.create(CONSUMER, "game-events", reader::read, Set.of("game_event_event_id_key"));
    }

    @Incoming("game-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> batch) {
        metrics.batchReceived(batch.count());
        return recipe.consumeBatch(batch, this::storeAll, event -> storeAll(List.of(event)));
    }

    private Uni<Integer> storeAll(List<ReceivedEvent> events) {
        long start = System.nanoTime();
        return store.store(events).invoke(inserted -> metrics.batchStored(start, events.size(), inserted));
    }
}
