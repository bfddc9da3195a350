package club.questmaster.audit.ingest;

import club.questmaster.platform.messaging.PoisonRecordException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores every game event once, whatever the redeliveries. Records arrive in batches (whatever one poll returned,
 * up to max.poll.records); each batch is one transaction, and the returned Uni completes, which acknowledges the
 * batch, only after that transaction committed and the batch's dead letters were acknowledged. The throttled
 * commit strategy commits acknowledged offsets only, so a crash at any point redelivers from the last commit:
 * at-least-once delivery, made exactly-once in effect by the unique event id.
 */
@ApplicationScoped
public class GameEventConsumer {

    private static final Logger LOG = Logger.getLogger(GameEventConsumer.class);

    private final GameEventReader reader;
    private final GameEventStore store;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;

    public GameEventConsumer(GameEventReader reader, GameEventStore store, DeadLetters deadLetters,
            IngestMetrics metrics) {
        this.reader = reader;
        this.store = store;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    private static DeadLetters.Poison poison(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("game event %s-%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(),
                record.offset(), reason);
        return new DeadLetters.Poison(record, reason);
    }

    @Incoming("game-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> batch) {
        List<ReceivedEvent> events = new ArrayList<>(batch.count());
        List<DeadLetters.Poison> poisons = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                events.add(reader.read(record));
            } catch (PoisonRecordException e) {
                poisons.add(poison(record, e.getMessage()));
            } catch (RuntimeException e) {
                // A record our reader chokes on is as unreadable as bad JSON: parked for an operator, not a
                // stopped channel (a thrown exception would fail the whole stream).
                LOG.errorf(e, "unexpected error reading game event %s-%d@%d", record.topic(), record.partition(),
                        record.offset());
                poisons.add(poison(record, "unreadable: " + e));
            }
        }
        metrics.batchReceived(batch.count());
        long start = System.nanoTime();
        // Nothing in a batch is ever dropped: a failing database or broker is retried (both steps are idempotent)
        // until it answers. While it does not, no offset moves; past the throttled strategy's max age the channel
        // reports itself unhealthy, and the orchestrator restarts the pod.
        return store.store(events)
                .call(() -> deadLetters.send(poisons))
                .invoke(inserted -> metrics.batchStored(start, events.size(), inserted, poisons.size()))
                .onFailure().invoke(e -> LOG.errorf(e, "storing a batch of %d game events failed; retrying",
                        batch.count()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .replaceWithVoid();
    }
}
