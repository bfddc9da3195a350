package club.questmaster.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Delegated permissions (contract §8): rights short of a role, granted by admins. An admin (or superuser) holds all of
 * them by rank; anyone else holds those granted to them. The names appear in the JWT claim {@code permissions}, in the
 * user object and in user events, and in {@code @PermissionsAllowed} on the endpoints they open.
 */
public enum Permission {
    /** Systems, VTTs and special events (games-service). */
    MANAGE_REFERENCE_DATA,
    /** The trophy catalogue and users' trophies (trophies-service). */
    MANAGE_TROPHIES,
    /** The timeline and search of every game (audit-service). */
    VIEW_AUDIT,
    /** Edit, close, archive any game (games-service). */
    MODERATE_GAMES;

    public static final String MANAGE_REFERENCE_DATA_NAME = "manage_reference_data";
    public static final String MANAGE_TROPHIES_NAME = "manage_trophies";
    public static final String VIEW_AUDIT_NAME = "view_audit";
    public static final String MODERATE_GAMES_NAME = "moderate_games";

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Permission> fromClaim(String value) {
        for (Permission permission : values()) {
            if (permission.claim().equals(value)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }

    /** The known permissions among these names; unknown names are ignored (a newer producer may know more). */
    public static Set<Permission> fromClaims(Collection<String> names) {
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        if (names != null) {
            names.forEach(name -> fromClaim(name).ifPresent(set::add));
        }
        return set;
    }
}
