package club.questmaster.users.user;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.outbox.OutboxWriter;
import club.questmaster.platform.outbox.OutgoingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Turns a committed-to-be change of a user into its {@code questmaster.user-events} record: a full snapshot of the
 * public state after the change, written to the outbox in the caller's transaction.
 */
@ApplicationScoped
public class UserEventPublisher {

    private final OutboxWriter outbox;

    public UserEventPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Must run inside the transaction that changed {@code user}. */
    public Uni<Void> publish(String type, User user, String actorId) {
        UUID eventId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UserEventData data = UserMapping.snapshot(type, user, actorId, eventId, now);
        return outbox.append(new OutgoingEvent(eventId, Topics.USER_EVENTS, type, CloudEvents.USERS_SOURCE, user.id, now,
                data));
    }
}
