package club.questmaster.platform.security;

import club.questmaster.platform.messaging.IncomingEvent;
import club.questmaster.platform.messaging.UserEventData;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the users projection from {@code questmaster.user-events}. Idempotent by construction: each event is a full
 * snapshot applied only if it is not older than the stored one. Unreadable records go to the DLQ (channel config).
 * users-service, which owns the users, builds with {@code questmaster.users-projection.enabled=false}.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "questmaster.users-projection.enabled", stringValue = "false", enableIfMissing = true)
public class UserEventsProjector {

    private final UserDirectory directory;
    private final BannedUsers banned;
    private final ObjectMapper json;

    public UserEventsProjector(UserDirectory directory, BannedUsers banned, ObjectMapper json) {
        this.directory = directory;
        this.banned = banned;
        this.json = json;
    }

    @Incoming("user-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent<UserEventData> event = IncomingEvent.read(record, UserEventData.class, json,
                UserEventData.SCHEMA_VERSION);
        UserEventData data = event.data();
        if (data.userId() == null || data.occurredAt() == null) {
            throw new club.questmaster.platform.messaging.PoisonRecordException("user_id and occurred_at are required");
        }
        KnownUser user = new KnownUser(data.userId(), data.name(), data.username(),
                data.roles() == null ? List.of() : data.roles(), data.banned(), data.deleted(), data.notPlayerAsOf());
        return directory.apply(user, data.occurredAt(), event.id()).invoke(() -> banned.refreshSoon());
    }
}
