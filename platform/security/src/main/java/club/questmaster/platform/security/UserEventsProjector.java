package club.questmaster.platform.security;

import club.questmaster.platform.messaging.IncomingEvent;
import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.messaging.consumer.ContractConsumer;
import club.questmaster.platform.messaging.consumer.ContractConsumers;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.UnlessBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the users projection from {@code questmaster.user-events} with the platform's consumer recipe
 * (docs/consumers.md): each record is read and handed to {@link UserProjection}, whose effects are idempotent; a
 * record is applied once the database takes it, however long it is away (a ban is never lost to a transient failure),
 * and only a record that can never be applied goes to {@code questmaster.user-events.dlq}.
 * users-service, which owns the users, builds with {@code questmaster.users-projection.enabled=false}.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "questmaster.users-projection.enabled", stringValue = "false", enableIfMissing = true)
public class UserEventsProjector {

    static final String CONSUMER = "users-projection";

    private final UserProjection projection;
    private final ContractConsumer<IncomingEvent<UserEventData>> recipe;

    public UserEventsProjector(UserProjection projection, ContractConsumers consumers, ObjectMapper json) {
        this.projection = projection;
        // The effects are upserts and ON CONFLICT inserts: no unique violation can mean "already applied".
        this.recipe = consumers.create(CONSUMER, "user-events",
                ContractConsumers.events(UserEventData.class, json, UserEventData.SCHEMA_VERSION), Set.of());
    }

    @Incoming("user-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return recipe.consume(record, projection::apply);
    }
}
