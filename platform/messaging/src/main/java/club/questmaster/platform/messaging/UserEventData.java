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
        @JsonProperty("schema_version") int schemaVersion) {

    public static final int SCHEMA_VERSION = 1;

    /** {@code ce_type} values; {@code action} is the last segment. */
    public static final class Types {
        public static final String CREATED = "questmaster.user.created";
        public static final String UPDATED = "questmaster.user.updated";
        public static final String BANNED = "questmaster.user.banned";
        public static final String UNBANNED = "questmaster.user.unbanned";
        public static final String DELETED = "questmaster.user.deleted";

        private Types() {
        }
    }
}
