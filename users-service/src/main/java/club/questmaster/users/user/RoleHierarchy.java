package club.questmaster.users.user;

import club.questmaster.platform.security.Role;
import java.util.Collection;
import java.util.Optional;

/**
 * The rank rules of api.md §2 on role-name sets: an actor manages only users whose highest role is strictly below
 * theirs and grants only roles strictly below their own; a superuser manages and grants all. Pure: no state, no I/O.
 */
public final class RoleHierarchy {

    private RoleHierarchy() {
    }

    public static boolean atLeast(Collection<String> roles, Role role) {
        return Role.highest(roles).map(r -> r.atLeast(role)).orElse(false);
    }

    public static boolean manages(Collection<String> actorRoles, Collection<String> targetRoles) {
        if (atLeast(actorRoles, Role.SUPERUSER)) {
            return true;
        }
        Optional<Role> mine = Role.highest(actorRoles);
        Optional<Role> theirs = Role.highest(targetRoles);
        return mine.isPresent() && (theirs.isEmpty() || theirs.get().compareTo(mine.get()) < 0);
    }

    public static boolean grants(Collection<String> actorRoles, Collection<String> roles) {
        if (atLeast(actorRoles, Role.SUPERUSER)) {
            return true;
        }
        Optional<Role> mine = Role.highest(actorRoles);
        return mine.isPresent() && Roles.toEnums(roles).stream().allMatch(r -> r.compareTo(mine.get()) < 0);
    }
}
