package club.questmaster.platform.security;

import java.util.Set;

/**
 * What a service holds about a user's powers, read from its users projection (users-service: its own tables): the
 * part of the caller that the token alone may not decide (contract §6 "Authority").
 *
 * @param known whether the source has the user at all; when it does not (their creation event has not arrived yet),
 *     the token's roles and permissions stand
 * @param revokedSessions the sessions ({@code sid}) of this user whose tokens are refused
 */
public record Authority(boolean known, Set<Role> roles, Set<Permission> permissions, boolean banned, boolean deleted,
        Set<String> revokedSessions) {

    public static final Authority UNKNOWN = new Authority(false, Set.of(), Set.of(), false, false, Set.of());

    public Authority {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
        revokedSessions = Set.copyOf(revokedSessions);
    }
}
