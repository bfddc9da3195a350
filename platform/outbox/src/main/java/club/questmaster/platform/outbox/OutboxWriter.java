package club.questmaster.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Appends events to the outbox inside the caller's current transaction: the event exists if and only if the change
 * it reports was committed. The only way services emit events.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = "INSERT INTO outbox_event "
            + "(event_id, topic, record_key, ce_type, ce_source, ce_subject, occurred_at, payload) "
            + "VALUES (:eventId, :topic, :key, :type, :source, :subject, :occurredAt, :payload)";

    private final ObjectMapper json;

    public OutboxWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Must run inside a transaction ({@code @WithTransaction} on the calling service method). */
    public Uni<Void> append(OutgoingEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event data not serialisable", e));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("eventId", event.eventId())
                .setParameter("topic", event.topic())
                .setParameter("key", event.subject())
                .setParameter("type", event.type())
                .setParameter("source", event.source())
                .setParameter("subject", event.subject())
                .setParameter("occurredAt", event.occurredAt())
                .setParameter("payload", payload)
                .executeUpdate())
                .replaceWithVoid();
    }
}
