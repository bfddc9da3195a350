package club.questmaster.users.user;

import club.questmaster.platform.security.Permission;
import club.questmaster.platform.web.ApiException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Delegated permissions (api.md §8): rights short of a role, granted by admins under the role hierarchy. Stored
 * comma-separated in name order, carried as the JWT claim {@code permissions}, in the user object and the user events.
 */
public final class Permissions {

    /** The names of the platform's {@link Permission}s, the one list of them. */
    public static final List<String> ALL = Arrays.stream(Permission.values()).map(Permission::claim).toList();

    private Permissions() {
    }

    public static List<String> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public static String format(Collection<String> permissions) {
        return String.join(",", new TreeSet<>(permissions));
    }

    /** Client input: every name must be one of the contract's (400 naming {@code field} otherwise); sorted, distinct. */
    public static List<String> validated(String field, Collection<String> permissions) {
        for (String name : permissions) {
            if (name == null || !ALL.contains(name)) {
                throw ApiException.invalid(field, "unknown permission '" + name + "' (" + String.join(", ", ALL) + ")");
            }
        }
        return List.copyOf(new TreeSet<>(permissions));
    }
}
