package club.questmaster.users.user;

import club.questmaster.platform.security.CurrentUser;
import club.questmaster.platform.security.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who acts, with the roles that decide what they may do. Built from the token ({@link #of(CurrentUser)}), then
 * replaced by the account's current roles from the database ({@link UserService#resolve}): a demotion or a ban bites
 * at once, not when the 15-minute token expires.
 */
public record Actor(String id, List<String> roles) {

    public static Actor of(CurrentUser user) {
        return new Actor(user.id(), List.copyOf(user.roles()));
    }

    public Optional<Role> highest() {
        return Role.highest(roles);
    }

    public boolean atLeast(Role role) {
        return highest().map(r -> r.atLeast(role)).orElse(false);
    }

    public boolean superuser() {
        return atLeast(Role.SUPERUSER);
    }

    /** An actor manages only users whose highest role is strictly below theirs; a superuser manages all. */
    public boolean manages(Collection<String> targetRoles) {
        if (superuser()) {
            return true;
        }
        Optional<Role> mine = highest();
        Optional<Role> theirs = Role.highest(targetRoles);
        return mine.isPresent() && (theirs.isEmpty() || theirs.get().compareTo(mine.get()) < 0);
    }

    /** An actor grants only roles strictly below their own; a superuser grants all. */
    public boolean grants(Collection<String> roles) {
        if (superuser()) {
            return true;
        }
        Optional<Role> mine = highest();
        return mine.isPresent() && Roles.toEnums(roles).stream().allMatch(r -> r.compareTo(mine.get()) < 0);
    }
}
