package club.questmaster.platform.security;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles of the contract, in rank order: {@code player < gm < admin < superuser}. A user holds a set; the highest
 * decides whom they may manage ({@link RankRules}).
 */
public enum Role {
    PLAYER, GM, ADMIN, SUPERUSER;

    /** Names as they appear in the {@code groups} claim and in {@code @RolesAllowed}. */
    public static final String PLAYER_NAME = "player";
    public static final String GM_NAME = "gm";
    public static final String ADMIN_NAME = "admin";
    public static final String SUPERUSER_NAME = "superuser";

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Role> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.claim().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The known roles among these names, ignoring unknown ones. */
    public static Set<Role> fromClaims(Collection<String> claims) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (claims != null) {
            claims.forEach(claim -> fromClaim(claim).ifPresent(roles::add));
        }
        return roles;
    }

    /** The highest of these role names, ignoring unknown ones. */
    public static Optional<Role> highest(Collection<String> claims) {
        return claims.stream().map(Role::fromClaim).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }
}
