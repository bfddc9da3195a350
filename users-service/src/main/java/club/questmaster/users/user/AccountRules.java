package club.questmaster.users.user;

import club.questmaster.platform.security.Caller;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;
import java.util.List;

/**
 * Who may do what to an account (api.md §2), on top of the rank rules ({@link Caller#manages}, {@link Caller#grants}):
 * each check throws the contract's 403 when refused. Pure: the caller and the target are given, nothing is read.
 */
public final class AccountRules {

    private AccountRules() {
    }

    public static void requireAdmin(Caller actor) {
        if (!actor.atLeast(Role.ADMIN)) {
            throw ApiException.forbidden("Administrators only.");
        }
    }

    public static void requireSuperuser(Caller actor) {
        if (!actor.superuser()) {
            throw ApiException.forbidden("Superusers only.");
        }
    }

    /** Creating an account with these roles. */
    public static void checkGrant(Caller actor, List<String> roles) {
        if (!actor.grants(roles)) {
            throw ApiException.forbidden("You may only grant roles below your own.");
        }
    }

    /** Changing a target's profile, password or roles ({@code roles} null when they stay as they are). */
    public static void checkPatch(Caller actor, User target, List<String> roles) {
        checkManages(actor, target);
        if (roles != null) {
            if (actor.id().equals(target.id) && !roles.equals(target.roles())) {
                throw ApiException.forbidden("You may not change your own roles.");
            }
            checkGrant(actor, roles);
        }
    }

    /** Delegating permissions: to someone ranked below, never to oneself. */
    public static void checkPermissions(Caller actor, User target) {
        if (actor.id().equals(target.id)) {
            throw ApiException.forbidden("You may not change your own permissions.");
        }
        checkManages(actor, target);
    }

    /** Banning, unbanning, deleting: never oneself, only someone ranked below. */
    public static void checkModerate(Caller actor, User target, String what) {
        if (actor.id().equals(target.id)) {
            throw ApiException.forbidden("You may not " + what + " yourself.");
        }
        checkManages(actor, target);
    }

    public static void checkManages(Caller actor, User target) {
        if (!actor.manages(target.roles())) {
            throw ApiException.forbidden("You may only manage users ranked below you.");
        }
    }
}
