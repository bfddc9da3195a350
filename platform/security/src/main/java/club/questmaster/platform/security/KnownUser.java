package club.questmaster.platform.security;

import java.time.OffsetDateTime;
import java.util.List;

/** A user as this service knows them from {@code questmaster.user-events}. */
public record KnownUser(String id, String name, String username, List<String> roles, boolean banned, boolean deleted,
        OffsetDateTime notPlayerAsOf) {

    public boolean isPlayer() {
        return roles.contains(Role.PLAYER_NAME);
    }

    /** The name to show: display name, else username (docs/original-rules.md#display-name). */
    public String displayName() {
        return name != null && !name.isBlank() ? name : username;
    }
}
