package club.questmaster.platform.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of a {@code questmaster.game-events} record (events.md "Game event data"). Producers fill it; consumers
 * read it. Fields are only ever added, as optional ones; {@code schema_version} rises when consumers must act
 * differently.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GameEventData(
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("occurred_at") OffsetDateTime occurredAt,
        @JsonProperty("action") String action,
        @JsonProperty("game_id") String gameId,
        @JsonProperty("game_slug") String gameSlug,
        @JsonProperty("game_name") String gameName,
        @JsonProperty("game_type") String gameType,
        @JsonProperty("status") String status,
        @JsonProperty("gm_id") String gmId,
        @JsonProperty("player_ids") List<String> playerIds,
        @JsonProperty("user_id") @JsonInclude(JsonInclude.Include.ALWAYS) String userId,
        @JsonProperty("description") String description,
        @JsonProperty("award_trophies") Boolean awardTrophies,
        @JsonProperty("session") Session session,
        @JsonProperty("previous_session") Session previousSession,
        @JsonProperty("seats_left") Integer seatsLeft,
        @JsonProperty("waitlist_length") Integer waitlistLength,
        @JsonProperty("min_players") Integer minPlayers,
        @JsonProperty("registration_opens_at") OffsetDateTime registrationOpensAt,
        @JsonProperty("schema_version") int schemaVersion) implements VersionedData {

    /** v1.1 only added optional fields, which a v1 consumer ignores: the version stays 1 (events.md "Guarantees"). */
    public static final int SCHEMA_VERSION = 1;

    /**
     * A v1 event, without the optional v1.1 fields (seats_left, waitlist_length, min_players, registration_opens_at).
     */
    public GameEventData(UUID eventId, OffsetDateTime occurredAt, String action, String gameId, String gameSlug,
            String gameName, String gameType, String status, String gmId, List<String> playerIds, String userId,
            String description, Boolean awardTrophies, Session session, Session previousSession, int schemaVersion) {
        this(eventId, occurredAt, action, gameId, gameSlug, gameName, gameType, status, gmId, playerIds, userId,
                description, awardTrophies, session, previousSession, null, null, null, null, schemaVersion);
    }

    /** A session's span; {@code id} is absent on {@code previous_session}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Session(@JsonProperty("id") String id, @JsonProperty("start") OffsetDateTime start,
            @JsonProperty("end") OffsetDateTime end) {
    }

    /** The original's audit actions (docs/original-rules.md#enums, EVENT_ACTIONS). */
    public static final class Actions {
        public static final String CREATE = "create";
        public static final String EDIT = "edit";
        public static final String DELETE = "delete";
        public static final String CREATE_SESSION = "create-session";
        public static final String EDIT_SESSION = "edit-session";
        public static final String DELETE_SESSION = "delete-session";
        public static final String REGISTER = "register";
        public static final String UNREGISTER = "unregister";
        public static final String ALERT = "alert";
        /** v1.1: every {@code questmaster.game.waitlist.*} event. */
        public static final String WAITLIST = "waitlist";

        public static final List<String> ALL = List.of(CREATE, EDIT, DELETE, CREATE_SESSION, EDIT_SESSION,
                DELETE_SESSION, REGISTER, UNREGISTER, ALERT, WAITLIST);

        private Actions() {
        }
    }

    /** {@code ce_type} values of game events. */
    public static final class Types {
        public static final String CREATED = "questmaster.game.created";
        public static final String UPDATED = "questmaster.game.updated";
        public static final String PUBLISHED = "questmaster.game.published";
        public static final String CLOSED = "questmaster.game.closed";
        public static final String REOPENED = "questmaster.game.reopened";
        public static final String ARCHIVED = "questmaster.game.archived";
        public static final String DELETED = "questmaster.game.deleted";
        public static final String SESSION_CREATED = "questmaster.game.session.created";
        public static final String SESSION_UPDATED = "questmaster.game.session.updated";
        public static final String SESSION_DELETED = "questmaster.game.session.deleted";
        public static final String PLAYER_REGISTERED = "questmaster.game.player.registered";
        public static final String PLAYER_UNREGISTERED = "questmaster.game.player.unregistered";
        public static final String ALERTED = "questmaster.game.alerted";
        // v1.1
        /** Action {@code edit}; description "L'annonce a été annulée." plus the reason when given. */
        public static final String CANCELLED = "questmaster.game.cancelled";
        /** Action {@code waitlist}, {@code user_id} = the player (also for the next three). */
        public static final String WAITLIST_JOINED = "questmaster.game.waitlist.joined";
        public static final String WAITLIST_LEFT = "questmaster.game.waitlist.left";
        public static final String WAITLIST_OFFERED = "questmaster.game.waitlist.offered";
        public static final String WAITLIST_EXPIRED = "questmaster.game.waitlist.expired";
        /** Action {@code edit} (also for {@link #POLL_PICKED}). */
        public static final String POLL_CREATED = "questmaster.game.poll.created";
        public static final String POLL_PICKED = "questmaster.game.poll.picked";

        private Types() {
        }
    }
}
