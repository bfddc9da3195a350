package club.questmaster.platform.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The idempotent-consumer ledger: call {@link #firstTime} inside the transaction that applies an event's effect;
 * the effect and the mark commit together, so a redelivery (or a crash between the two) can never apply it twice.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** @return true when this consumer had not processed the event yet (it now has, once the transaction commits) */
    public Uni<Boolean> firstTime(String consumer, UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
