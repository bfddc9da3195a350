package club.questmaster.users.user;

import club.questmaster.platform.security.Caller;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The caller's authority read from their account, not from their token: a demotion, a ban or a deletion bites at
 * once. Runs inside the session of the calling service method.
 */
@ApplicationScoped
public class UserAuthority {

    private final UserRepository users;

    public UserAuthority(UserRepository users) {
        this.users = users;
    }

    /**
     * The caller with their current roles. A deleted account's token is refused (401), a banned one's too (403
     * ACCOUNT_BANNED). A token whose subject has no account here (signed with our key all the same, e.g. by another
     * service's tests) keeps the roles it carries.
     */
    public Uni<Caller> resolve(Caller fromToken) {
        return users.findById(fromToken.requireAuthenticated().id()).map(user -> {
            if (user == null) {
                return fromToken;
            }
            requireActive(user);
            return fromToken.withRoles(Roles.toEnums(user.roles()));
        });
    }

    public Uni<Caller> resolveAdmin(Caller fromToken) {
        return resolve(fromToken).invoke(AccountRules::requireAdmin);
    }

    /** 401 for a deleted account, 403 ACCOUNT_BANNED for a banned one. */
    public static void requireActive(User user) {
        if (user.deleted()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "This account no longer exists.");
        }
        if (user.banned) {
            throw new ApiException(ErrorCode.ACCOUNT_BANNED, "This account is banned.");
        }
    }
}
