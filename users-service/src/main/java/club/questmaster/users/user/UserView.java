package club.questmaster.users.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public face of a user (api.md §2). No secret ever: no hash, no token, no login counters. */
@Schema(name = "User")
public record UserView(
        @Schema(description = "17-21 digit decimal string", example = "10012345678901234567") String id,
        String name,
        String username,
        String avatar,
        @Schema(description = "player, gm, admin, superuser") List<String> roles,
        @JsonProperty("is_player") boolean isPlayer,
        @JsonProperty("is_gm") boolean isGm,
        @JsonProperty("is_admin") boolean isAdmin,
        @JsonProperty("not_player_as_of") OffsetDateTime notPlayerAsOf,
        boolean banned,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @Schema(description = "delegated permissions: manage_reference_data, manage_trophies, view_audit, moderate_games")
        List<String> permissions) {
}
