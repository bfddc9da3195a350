package club.questmaster.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerRulesTest {

    private static final String ID = "100000000000000042";

    private static TokenClaims adminToken(String scope, String sid) {
        return new TokenClaims(ID, "notsag", "Notsag", Set.of("player", "gm", "admin"), List.of("view_audit"), scope,
                sid);
    }

    private static Authority known(Set<Role> roles, Set<Permission> permissions) {
        return new Authority(true, roles, permissions, false, false, Set.of());
    }

    @Test
    void theProjectionsRolesAndPermissionsOverrideTheTokens() {
        Caller caller = CallerRules.resolve(adminToken(null, "s1"),
                known(EnumSet.of(Role.PLAYER), EnumSet.of(Permission.MANAGE_TROPHIES)));
        assertEquals(Set.of(Role.PLAYER), caller.roles());
        assertEquals(Set.of(Permission.MANAGE_TROPHIES), caller.permissions());
        assertFalse(caller.admin());
    }

    @Test
    void aUserUnknownToTheProjectionKeepsWhatTheTokenClaims() {
        Caller caller = CallerRules.resolve(adminToken(null, null), Authority.UNKNOWN);
        assertTrue(caller.admin());
        assertEquals(Set.of(Permission.VIEW_AUDIT), caller.permissions());
    }

    @Test
    void aBannedUsersTokenIsRefusedWithAccountBanned() {
        Authority banned = new Authority(true, EnumSet.of(Role.ADMIN), Set.of(), true, false, Set.of());
        ApiException e = assertThrows(ApiException.class, () -> CallerRules.resolve(adminToken(null, null), banned));
        assertEquals(ErrorCode.ACCOUNT_BANNED, e.code());
    }

    @Test
    void aDeletedOrErasedUsersTokenIsRefusedAsUnauthenticated() {
        Authority deleted = new Authority(true, Set.of(), Set.of(), false, true, Set.of());
        ApiException e = assertThrows(ApiException.class, () -> CallerRules.resolve(adminToken(null, null), deleted));
        assertEquals(ErrorCode.UNAUTHENTICATED, e.code());
    }

    @Test
    void aTokenOfARevokedSessionIsRefusedAsUnauthenticatedEvenForAnUnknownUser() {
        Authority revoked = new Authority(false, Set.of(), Set.of(), false, false, Set.of("s1"));
        ApiException e = assertThrows(ApiException.class, () -> CallerRules.resolve(adminToken(null, "s1"), revoked));
        assertEquals(ErrorCode.UNAUTHENTICATED, e.code());
        assertTrue(CallerRules.resolve(adminToken(null, "s2"), revoked).admin(), "another session stays valid");
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        TokenClaims noSubject = new TokenClaims(null, null, null, Set.of("admin"), List.of(), null, null);
        assertThrows(ApiException.class, () -> CallerRules.resolve(noSubject, Authority.UNKNOWN));
    }

    @Test
    void aScopeClaimMakesABotTokenLimitedToItsSpaceSeparatedScopes() {
        Caller bot = CallerRules.resolve(adminToken(" games:read  calendar:read ", "api-1"), Authority.UNKNOWN);
        assertTrue(bot.scoped());
        assertEquals(Set.of(Scopes.GAMES_READ, Scopes.CALENDAR_READ), bot.scopes());
        assertEquals("api-1", bot.sessionId());
        Caller emptyScope = CallerRules.resolve(adminToken("", null), Authority.UNKNOWN);
        assertTrue(emptyScope.scoped(), "an empty scope claim limits the token to nothing");
        assertFalse(emptyScope.mayUseAnyOf(List.of(Scopes.GAMES_READ)));
    }

    @Test
    void usernameAndNameFallBackToTheSubject() {
        TokenClaims bare = new TokenClaims(ID, null, null, Set.of(), List.of(), null, null);
        Caller caller = CallerRules.resolve(bare, Authority.UNKNOWN);
        assertEquals(ID, caller.username());
        assertEquals(ID, caller.name());
        assertNull(caller.sessionId());
    }
}
