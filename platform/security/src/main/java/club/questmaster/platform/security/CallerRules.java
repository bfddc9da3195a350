package club.questmaster.platform.security;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.util.Set;

/**
 * How a verified token and the service's {@link Authority} make the {@link Caller} (contract §6 "Authority"): the
 * token proves who is calling; roles, delegated permissions, bans, deletion and revoked sessions are the projection's
 * word whenever it knows the user. Pure, so every rule has a plain unit test.
 */
public final class CallerRules {

    private CallerRules() {
    }

    /**
     * The caller, or the refusal: 401 UNAUTHENTICATED for a token without subject, a deleted (or erased) account or
     * a revoked session, 403 ACCOUNT_BANNED for a banned account.
     */
    public static Caller resolve(TokenClaims token, Authority authority) {
        if (token.userId() == null || token.userId().isBlank()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "The token has no subject.");
        }
        if (token.sessionId() != null && authority.revokedSessions().contains(token.sessionId())) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "This session was revoked.");
        }
        if (authority.known() && authority.deleted()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "This account no longer exists.");
        }
        if (authority.known() && authority.banned()) {
            throw new ApiException(ErrorCode.ACCOUNT_BANNED, "This account is banned.");
        }
        Set<Role> roles = authority.known() ? authority.roles() : Role.fromClaims(token.groups());
        Set<Permission> permissions = authority.known() ? authority.permissions()
                : Permission.fromClaims(token.permissions());
        String username = token.username() != null ? token.username() : token.userId();
        String name = token.name() != null ? token.name() : username;
        return new Caller(token.userId(), username, name, roles, permissions, token.scope() != null, token.scopes(),
                token.sessionId());
    }
}
