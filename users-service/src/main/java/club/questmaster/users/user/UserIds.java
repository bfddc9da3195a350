package club.questmaster.users.user;

import java.security.SecureRandom;

/**
 * Ids of local accounts: 20 decimal digits, "1" + the creation time in ms (13 digits) + 6 random digits. Discord
 * snowflakes are 64-bit, hence at most 19 digits, so a local id can never collide with a Discord user's id.
 */
public final class UserIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UserIds() {
    }

    public static String newLocalId() {
        return "1" + String.format("%013d", System.currentTimeMillis()) + String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** The suite's one user-id rule (platform-security). */
    public static boolean valid(String id) {
        return club.questmaster.platform.security.UserIds.valid(id);
    }
}
