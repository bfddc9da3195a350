package club.questmaster.users.user;

import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Role sets as stored (comma-separated names in rank order) and as sent by clients (names). */
public final class Roles {

    private Roles() {
    }

    public static List<String> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
    }

    /** Known names only, deduplicated, in rank order. */
    public static String format(Collection<String> roles) {
        return toEnums(roles).stream().map(Role::claim).collect(Collectors.joining(","));
    }

    public static Set<Role> toEnums(Collection<String> roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach(name -> Role.fromClaim(name).ifPresent(set::add));
        return set;
    }

    /** Client input: every name must be a role of the contract (400 otherwise). */
    public static List<String> validated(String field, Collection<String> roles) {
        for (String name : roles) {
            if (name == null || Role.fromClaim(name).isEmpty()) {
                throw ApiException.invalid(field, "unknown role '" + name + "' (player, gm, admin, superuser)");
            }
        }
        return toEnums(roles).stream().map(Role::claim).toList();
    }

    public static Optional<Role> highest(Collection<String> roles) {
        return Role.highest(roles);
    }
}
