package club.questmaster.platform.testing;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.messaging.UserEventData;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Publishes user events as users-service would, so a service's users projection can be fed in its tests. */
public final class UserEvents {

    private UserEvents() {
    }

    public static void publish(String type, String userId, String username, boolean banned, List<String> roles) {
        UUID eventId = UUID.randomUUID();
        String action = type.substring(type.lastIndexOf('.') + 1);
        String json = "{\"event_id\":\"" + eventId + "\",\"occurred_at\":\"" + OffsetDateTime.now(ZoneOffset.UTC)
                + "\",\"action\":\"" + action + "\",\"user_id\":\"" + userId + "\",\"name\":\"" + username
                + "\",\"username\":\"" + username + "\",\"roles\":["
                + roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",")) + "],\"banned\":" + banned
                + ",\"deleted\":" + type.equals(UserEventData.Types.DELETED) + ",\"schema_version\":1}";
        KafkaProbe.produce(Topics.USER_EVENTS, userId, type, CloudEvents.USERS_SOURCE,
                Map.of(CloudEvents.ID, eventId.toString()), json);
    }

    /** A user known to the projection, with these roles. */
    public static void created(String userId, String username, String... roles) {
        publish(UserEventData.Types.CREATED, userId, username, false, List.of(roles));
    }
}
