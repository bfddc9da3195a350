package club.questmaster.platform.security;

import club.questmaster.platform.messaging.IncomingEvent;
import club.questmaster.platform.messaging.PoisonRecordException;
import club.questmaster.platform.messaging.UserEventData;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What each {@code questmaster.user-events} record does to this service's users projection (events.md v1 and v1.1).
 * The consumer shell calls {@link #apply}; each effect is idempotent, so a redelivery or a replay of the whole topic
 * changes nothing:
 * <ul>
 * <li>snapshots ({@code created}, {@code updated}, {@code banned}, {@code unbanned}, {@code deleted},
 * {@code permissions.changed}): upsert, unless a newer snapshot is stored or the user was erased;</li>
 * <li>{@code session.revoked} {@code {user_id, session_id}}: tokens with that {@code sid} are refused;</li>
 * <li>{@code erased} {@code {user_id}}: nothing kept but the id, marked deleted, for good;</li>
 * <li>{@code export.requested}, and types this version does not know: nothing.</li>
 * </ul>
 * Invalid data raises {@link PoisonRecordException}; anything else that fails is the database's (transient).
 */
@ApplicationScoped
public class UserProjection {

    private static final Logger LOG = Logger.getLogger(UserProjection.class);
    private static final Set<String> SNAPSHOTS = Set.of(UserEventData.Types.CREATED, UserEventData.Types.UPDATED,
            UserEventData.Types.BANNED, UserEventData.Types.UNBANNED, UserEventData.Types.DELETED,
            UserEventData.Types.PERMISSIONS_CHANGED);

    private final UserDirectory directory;
    private final Authorities authorities;
    private final AuthorityConfig config;

    public UserProjection(UserDirectory directory, Authorities authorities, AuthorityConfig config) {
        this.directory = directory;
        this.authorities = authorities;
        this.config = config;
    }

    public Uni<Void> apply(IncomingEvent<UserEventData> event) {
        UserEventData data = event.data();
        String type = event.type();
        Uni<Void> effect;
        if (SNAPSHOTS.contains(type)) {
            effect = snapshot(event, requireUserId(data));
        } else if (UserEventData.Types.SESSION_REVOKED.equals(type)) {
            if (data.sessionId() == null || data.sessionId().isBlank()) {
                throw new PoisonRecordException("session_id is required for " + type);
            }
            effect = directory.revokeSession(requireUserId(data), data.sessionId(), timeOf(event));
        } else if (UserEventData.Types.ERASED.equals(type)) {
            effect = directory.erase(requireUserId(data), timeOf(event), event.id());
        } else {
            LOG.debugf("User event %s (%s) has no effect on the projection", event.id(), type);
            return Uni.createFrom().voidItem();
        }
        return effect.invoke(() -> authorities.forget(data.userId()));
    }

    private Uni<Void> snapshot(IncomingEvent<UserEventData> event, String userId) {
        UserEventData data = event.data();
        if (data.occurredAt() == null) {
            throw new PoisonRecordException("occurred_at is required for " + event.type());
        }
        KnownUser user = new KnownUser(userId, data.name(), data.username(),
                data.roles() == null ? List.of() : data.roles(), data.banned(), data.deleted(), data.notPlayerAsOf());
        return directory.apply(user, data.permissions(), data.occurredAt(), event.id());
    }

    private static String requireUserId(UserEventData data) {
        if (data.userId() == null || !UserIds.valid(data.userId())) {
            throw new PoisonRecordException("user_id is missing or not a user id");
        }
        return data.userId();
    }

    /** The event's own time: occurred_at, else ce_time; the v1.1 events without data time are still ordered. */
    private static OffsetDateTime timeOf(IncomingEvent<UserEventData> event) {
        if (event.data().occurredAt() != null) {
            return event.data().occurredAt();
        }
        return event.time() != null ? event.time() : OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeRevokedSessions() {
        return directory.purgeRevokedSessions(OffsetDateTime.now(ZoneOffset.UTC).minus(config.revokedSessionRetention()))
                .onFailure().invoke(e -> LOG.debugf("Revoked sessions not purged: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
