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
 * Turns a committed-to-be change of a user into its {@code questmaster.user-events} record, written to the outbox in
 * the caller's transaction (every method must run inside the transaction that made the change). Every record is a
 * snapshot of the user's public state (see {@link UserMapping#snapshot}); the erasure's is a tombstone.
 */
@ApplicationScoped
public class UserEventPublisher {

    private final OutboxWriter outbox;

    public UserEventPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(String type, User user, String actorId) {
        return append(type, user, actorId, null, null);
    }

    /** Adds {@code session_id}: every service refuses the access tokens whose {@code sid} is that session. */
    public Uni<Void> sessionRevoked(User user, String sessionId, String actorId) {
        return append(UserEventData.Types.SESSION_REVOKED, user, actorId, sessionId, null);
    }

    /** Adds {@code export_id}: every service answers on {@code questmaster.privacy-exports}. */
    public Uni<Void> exportRequested(User user, String exportId) {
        return append(UserEventData.Types.EXPORT_REQUESTED, user, user.id, null, exportId);
    }

    /** The user id and no personal data: every service forgets the user (api.md §8). */
    public Uni<Void> erased(String userId, String actorId) {
        UUID eventId = UUID.randomUUID();
        OffsetDateTime now = now();
        return write(UserEventData.Types.ERASED, userId, eventId, now, UserMapping.erased(userId, actorId, eventId, now));
    }

    private Uni<Void> append(String type, User user, String actorId, String sessionId, String exportId) {
        UUID eventId = UUID.randomUUID();
        OffsetDateTime now = now();
        return write(type, user.id, eventId, now, UserMapping.snapshot(type, user, actorId, eventId, now, sessionId,
                exportId));
    }

    private Uni<Void> write(String type, String userId, UUID eventId, OffsetDateTime now, UserEventData data) {
        return outbox.append(new OutgoingEvent(eventId, Topics.USER_EVENTS, type, CloudEvents.USERS_SOURCE, userId, now,
                data));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
