package club.questmaster.users.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session as its owner and admins see it (api.md §8). Never a token. */
@Schema(name = "Session")
public record SessionView(
        @Schema(description = "the refresh-token family id, also the sid claim of the session's access tokens")
        UUID id,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @JsonProperty("last_used_at") OffsetDateTime lastUsedAt,
        @JsonProperty("user_agent") String userAgent,
        @Schema(description = "whether the request was made with this session's access token") boolean current) {

    static SessionView of(UserSession session, String currentSid) {
        return new SessionView(session.id, session.createdAt, session.lastUsedAt, session.userAgent,
                session.id.toString().equals(currentSid));
    }
}
