package club.questmaster.trophies.catalog;

import java.util.Set;

/**
 * The four original badges, seeded with these ids by V1__trophies.sql. Automatic awards and the leaderboards refer
 * to them by id, so an admin may rename them or change their icon, but not delete them.
 */
public final class BuiltInBadges {

    public static final long ONESHOT_PLAYER = 1;
    public static final long ONESHOT_GM = 2;
    public static final long CAMPAIGN_PLAYER = 3;
    public static final long CAMPAIGN_GM = 4;

    public static final Set<Long> IDS = Set.of(ONESHOT_PLAYER, ONESHOT_GM, CAMPAIGN_PLAYER, CAMPAIGN_GM);

    private BuiltInBadges() {
    }
}
