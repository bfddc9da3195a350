package club.questmaster.platform.security;

import club.questmaster.platform.messaging.IncomingEvent;
import club.questmaster.platform.messaging.UserEventData;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the users projection from {@code questmaster.user-events}: reads each record and hands it to
 * {@link UserProjection}, whose effects are idempotent. Unreadable records go to the DLQ (channel config).
 * users-service, which owns the users, builds with {@code questmaster.users-projection.enabled=false}.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "questmaster.users-projection.enabled", stringValue = "false", enableIfMissing = true)
public class UserEventsProjector {

    private final UserProjection projection;
    private final ObjectMapper json;

    public UserEventsProjector(UserProjection projection, ObjectMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @Incoming("user-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        IncomingEvent<UserEventData> event = IncomingEvent.read(record, UserEventData.class, json,
                UserEventData.SCHEMA_VERSION);
        return projection.apply(event);
    }
}
