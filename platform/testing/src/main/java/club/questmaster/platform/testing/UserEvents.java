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
        snapshot(type, userId, username, banned, roles, null, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * A full user snapshot as users-service publishes it; {@code permissions} null leaves the field out (a v1
     * producer), {@code occurredAt} in the past stands for a replayed record.
     */
    public static void snapshot(String type, String userId, String username, boolean banned, List<String> roles,
            List<String> permissions, OffsetDateTime occurredAt) {
        UUID eventId = UUID.randomUUID();
        String action = type.substring(type.lastIndexOf('.') + 1);
        String json = "{\"event_id\":\"" + eventId + "\",\"occurred_at\":\"" + occurredAt
                + "\",\"action\":\"" + action + "\",\"user_id\":\"" + userId + "\",\"name\":\"" + username
                + "\",\"username\":\"" + username + "\",\"roles\":" + array(roles) + ",\"banned\":" + banned
                + ",\"deleted\":" + type.equals(UserEventData.Types.DELETED)
                + (permissions == null ? "" : ",\"permissions\":" + array(permissions)) + ",\"schema_version\":1}";
        produce(type, userId, eventId, json);
    }

    /** {@code questmaster.user.session.revoked}: tokens with this {@code sid} must be refused. */
    public static void sessionRevoked(String userId, String sessionId) {
        UUID eventId = UUID.randomUUID();
        produce(UserEventData.Types.SESSION_REVOKED, userId, eventId, "{\"event_id\":\"" + eventId
                + "\",\"occurred_at\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\",\"action\":\"revoked\","
                + "\"user_id\":\"" + userId + "\",\"session_id\":\"" + sessionId + "\",\"schema_version\":1}");
    }

    /** {@code questmaster.user.erased}: the user id and nothing else. */
    public static void erased(String userId) {
        UUID eventId = UUID.randomUUID();
        produce(UserEventData.Types.ERASED, userId, eventId, "{\"event_id\":\"" + eventId + "\",\"occurred_at\":\""
                + OffsetDateTime.now(ZoneOffset.UTC) + "\",\"action\":\"erased\",\"user_id\":\"" + userId
                + "\",\"schema_version\":1}");
    }

    private static void produce(String type, String userId, UUID eventId, String json) {
        KafkaProbe.produce(Topics.USER_EVENTS, userId, type, CloudEvents.USERS_SOURCE,
                Map.of(CloudEvents.ID, eventId.toString()), json);
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** {@code questmaster.user.export.requested}, as users-service publishes it: the user's snapshot and the export id. */
    public static void exportRequested(String userId, String username, String exportId, String... roles) {
        UUID eventId = UUID.randomUUID();
        produce(UserEventData.Types.EXPORT_REQUESTED, userId, eventId, "{\"event_id\":\"" + eventId
                + "\",\"occurred_at\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\",\"action\":\"requested\","
                + "\"user_id\":\"" + userId + "\",\"export_id\":\"" + exportId + "\",\"name\":\"" + username
                + "\",\"username\":\"" + username + "\",\"roles\":" + array(List.of(roles))
                + ",\"banned\":false,\"deleted\":false,\"schema_version\":1}");
    }

    /** A user known to the projection, with these roles. */
    public static void created(String userId, String username, String... roles) {
        publish(UserEventData.Types.CREATED, userId, username, false, List.of(roles));
    }
}
