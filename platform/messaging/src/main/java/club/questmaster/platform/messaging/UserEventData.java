package club.questmaster.platform.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of a {@code questmaster.user-events} record. Every event carries the user's full public state after the
 * change (a snapshot, never a diff), so a consumer's projection is a plain upsert that ignores older snapshots.
 * No secret (password hash, tokens) ever travels here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserEventData(
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("occurred_at") OffsetDateTime occurredAt,
        @JsonProperty("action") String action,
        @JsonProperty("user_id") String userId,
        @JsonProperty("name") String name,
        @JsonProperty("username") String username,
        @JsonProperty("roles") List<String> roles,
        @JsonProperty("banned") boolean banned,
        @JsonProperty("ban_reason") String banReason,
        @JsonProperty("deleted") boolean deleted,
        @JsonProperty("not_player_as_of") OffsetDateTime notPlayerAsOf,
        @JsonProperty("actor_id") String actorId,
        @JsonProperty("permissions") List<String> permissions,
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("export_id") String exportId,
        @JsonProperty("schema_version") int schemaVersion) implements VersionedData {

    /** v1.1 only added optional fields, which a v1 consumer ignores: the version stays 1. */
    public static final int SCHEMA_VERSION = 1;

    /** A v1 snapshot, without the v1.1 fields (permissions, session_id, export_id). */
    public UserEventData(UUID eventId, OffsetDateTime occurredAt, String action, String userId, String name,
            String username, List<String> roles, boolean banned, String banReason, boolean deleted,
            OffsetDateTime notPlayerAsOf, String actorId, int schemaVersion) {
        this(eventId, occurredAt, action, userId, name, username, roles, banned, banReason, deleted, notPlayerAsOf,
                actorId, null, null, null, schemaVersion);
    }

    /** {@code ce_type} values; {@code action} is the last segment. */
    public static final class Types {
        public static final String CREATED = "questmaster.user.created";
        public static final String UPDATED = "questmaster.user.updated";
        public static final String BANNED = "questmaster.user.banned";
        public static final String UNBANNED = "questmaster.user.unbanned";
        public static final String DELETED = "questmaster.user.deleted";
        // v1.1
        /** A snapshot whose {@code permissions} (delegated permissions) changed. */
        public static final String PERMISSIONS_CHANGED = "questmaster.user.permissions.changed";
        /** Data {@code {user_id, session_id}}: refuse tokens whose {@code sid} is that session. */
        public static final String SESSION_REVOKED = "questmaster.user.session.revoked";
        /** Data {@code {user_id}} only, no personal data: forget the user. */
        public static final String ERASED = "questmaster.user.erased";
        /** Data {@code {user_id, export_id}}: answer on {@link Topics#PRIVACY_EXPORTS}. */
        public static final String EXPORT_REQUESTED = "questmaster.user.export.requested";

        private Types() {
        }
    }
}
