package club.questmaster.users.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What admins see of an account: the public view plus moderation and login state (still no secret). */
@Schema(name = "AdminUser")
public record AdminUserView(
        String id,
        String name,
        String username,
        String avatar,
        List<String> roles,
        @JsonProperty("is_player") boolean isPlayer,
        @JsonProperty("is_gm") boolean isGm,
        @JsonProperty("is_admin") boolean isAdmin,
        @JsonProperty("not_player_as_of") OffsetDateTime notPlayerAsOf,
        boolean banned,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        List<String> permissions,
        @Schema(description = "local or discord") String provider,
        @JsonProperty("ban_reason") String banReason,
        @JsonProperty("banned_at") OffsetDateTime bannedAt,
        @JsonProperty("locked_until") OffsetDateTime lockedUntil,
        @JsonProperty("last_login_at") OffsetDateTime lastLoginAt,
        @JsonProperty("updated_at") OffsetDateTime updatedAt) {
}
