package club.questmaster.users.user;

import club.questmaster.platform.security.CurrentUser;
import club.questmaster.platform.security.Role;
import java.util.Collection;
import java.util.List;

/**
 * Who acts, with the roles that decide what they may do. Built from the token ({@link #of(CurrentUser)}), then
 * replaced by the account's current roles from the database ({@link UserAuthority#resolve}): a demotion or a ban
 * bites at once, not when the 15-minute token expires.
 */
public record Actor(String id, List<String> roles) {

    public static Actor of(CurrentUser user) {
        return new Actor(user.id(), List.copyOf(user.roles()));
    }

    public boolean atLeast(Role role) {
        return RoleHierarchy.atLeast(roles, role);
    }

    public boolean superuser() {
        return atLeast(Role.SUPERUSER);
    }

    public boolean manages(Collection<String> targetRoles) {
        return RoleHierarchy.manages(roles, targetRoles);
    }

    public boolean grants(Collection<String> roles) {
        return RoleHierarchy.grants(this.roles, roles);
    }
}
