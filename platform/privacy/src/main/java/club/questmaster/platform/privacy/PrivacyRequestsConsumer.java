package club.questmaster.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import club.questmaster.platform.messaging.consumer.ContractConsumer;
import club.questmaster.platform.messaging.consumer.ContractConsumers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code questmaster.user-events} (channel {@code privacy-requests}, group {@code <service>.privacy}) for the two
 * privacy requests of api.md §8 and hands them to {@link PrivacyRequests}, with the platform's consumer recipe
 * (docs/consumers.md): a transient failure (database or broker away, lock timeout) is retried with back-off, holding
 * the partition, for as long as it takes, so an erasure is never dropped; only a request that can never be applied
 * goes to {@code questmaster.user-events.dlq}, alone. Every other user event is skipped unread.
 *
 * <p>An export request older than {@link #EXPORT_WINDOW} (a replay of the topic) is no longer awaited by anyone and is
 * skipped.
 */
@ApplicationScoped
public class PrivacyRequestsConsumer {

    static final String NAME = "privacy-requests";
    /** Longer than users-service keeps an export open for its answers. */
    static final Duration EXPORT_WINDOW = Duration.ofMinutes(10);

    private final PrivacyRequests requests;
    private final ContractConsumer<Optional<PrivacyRequest>> recipe;

    public PrivacyRequestsConsumer(PrivacyRequests requests, ContractConsumers consumers, ObjectMapper json) {
        this.requests = requests;
        // The answered mark is an ON CONFLICT insert: a concurrent redelivery raises no unique violation.
        this.recipe = consumers.create(NAME, NAME, record -> PrivacyRequest.read(record, json), Set.of());
    }

    @Incoming(NAME)
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return recipe.consume(record, request -> request.map(this::apply).orElseGet(() -> Uni.createFrom().voidItem()));
    }

    private Uni<Void> apply(PrivacyRequest request) {
        return switch (request.kind()) {
            case ERASURE -> requests.erase(request.userId());
            case EXPORT -> request.expired(OffsetDateTime.now(ZoneOffset.UTC), EXPORT_WINDOW)
                    ? Uni.createFrom().voidItem()
                    : requests.answerExport(request.eventId(), request.userId(), request.exportId());
        };
    }
}
