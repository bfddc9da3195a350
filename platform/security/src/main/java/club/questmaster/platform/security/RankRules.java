package club.questmaster.platform.security;

import java.util.Collection;
import java.util.Optional;

/**
 * The two rank rules of the role hierarchy (contract §2, PATCH /admin/users/{id}): whom an actor may manage and which
 * roles they may grant. Pure functions of the roles, so they are proven by plain unit tests.
 */
public final class RankRules {

    private RankRules() {
    }

    /**
     * An actor manages a user whose highest role is strictly below the actor's highest (a user without any role is
     * below everyone who holds one); a superuser manages everyone, other superusers included.
     */
    public static boolean manages(Optional<Role> actorHighest, Optional<Role> targetHighest) {
        if (actorHighest.isEmpty()) {
            return false;
        }
        if (actorHighest.get() == Role.SUPERUSER) {
            return true;
        }
        return targetHighest.isEmpty() || targetHighest.get().compareTo(actorHighest.get()) < 0;
    }

    /** An actor grants only roles strictly below their own highest; a superuser grants every role. */
    public static boolean grants(Optional<Role> actorHighest, Collection<Role> roles) {
        if (actorHighest.isEmpty()) {
            return false;
        }
        if (actorHighest.get() == Role.SUPERUSER) {
            return true;
        }
        return roles.stream().allMatch(role -> role.compareTo(actorHighest.get()) < 0);
    }
}
