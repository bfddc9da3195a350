package club.questmaster.web.session;

import java.time.Instant;
import java.util.List;

/**
 * What the encrypted session cookie holds: who is signed in (for the header and which buttons to show; the services
 * decide what is allowed) and the tokens the pages call the services with.
 */
public record SessionData(String userId, String username, String name, List<String> roles, String accessToken,
        String refreshToken, long accessExpiresAt) {

    public SessionData {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean expiresWithin(java.time.Duration margin, Instant now) {
        return Instant.ofEpochSecond(accessExpiresAt).isBefore(now.plus(margin));
    }

    public SessionData withTokens(String access, String refresh, long expiresAt) {
        return new SessionData(userId, username, name, roles, access, refresh, expiresAt);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** gm, admin and superuser may publish games (the role hierarchy of contract §1). */
    public boolean mayRunGames() {
        return hasRole("gm") || isAdmin();
    }

    public boolean isAdmin() {
        return hasRole("admin") || hasRole("superuser");
    }

    public String displayName() {
        return name == null || name.isBlank() ? username : name;
    }
}
