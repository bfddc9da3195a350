package club.questmaster.users.privacy;

import club.questmaster.users.user.User;
import java.time.OffsetDateTime;

/**
 * What erasing an account leaves of it (api.md §8), pure: the row stays as a tombstone (its id keeps other
 * services' history pointing at someone, and a Discord id cannot sign up again by accident), with no personal data.
 */
public final class Erasure {

    /** The name shown wherever an erased user's games or traces remain. */
    public static final String ERASED_NAME = "Utilisateur·rice supprimé·e";
    /** Satisfies the username rule; unique only among live accounts, so every tombstone may carry it. */
    public static final String ERASED_USERNAME = "erased";

    private Erasure() {
    }

    public static void anonymise(User user, OffsetDateTime now) {
        user.username = ERASED_USERNAME;
        user.name = ERASED_NAME;
        user.avatar = null;
        user.passwordHash = null;
        user.setRoles(java.util.List.of());
        user.setPermissions(java.util.List.of());
        user.notPlayerAsOf = null;
        user.banned = false;
        user.banReason = null;
        user.bannedAt = null;
        user.failedLogins = 0;
        user.lockedUntil = null;
        user.lastLoginAt = null;
        if (user.deletedAt == null) {
            user.deletedAt = now;
        }
        user.erasedAt = now;
        user.updatedAt = now;
    }
}
