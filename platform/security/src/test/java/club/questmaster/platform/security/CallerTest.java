package club.questmaster.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static Caller caller(Set<Role> roles, Set<Permission> permissions) {
        return new Caller("100000000000000001", "u", "U", roles, permissions, false, Set.of(), null);
    }

    private static Caller bot(String... scopes) {
        return new Caller("100000000000000001", "u", "U", EnumSet.of(Role.PLAYER), Set.of(), true, Set.of(scopes),
                "s1");
    }

    @Test
    void withRolesReplacesOnlyTheRoles() {
        Caller bot = bot("games:read");
        Caller promoted = bot.withRoles(EnumSet.of(Role.ADMIN));
        assertEquals(Set.of(Role.ADMIN), promoted.roles());
        assertEquals(new Caller(bot.id(), bot.username(), bot.name(), Set.of(Role.ADMIN), bot.permissions(),
                bot.scoped(), bot.scopes(), bot.sessionId()), promoted);
        assertEquals(Set.of(Role.PLAYER), bot.roles());
    }

    @Test
    void theHighestHeldRoleDecidesTheRank() {
        Caller gm = caller(EnumSet.of(Role.PLAYER, Role.GM), Set.of());
        assertEquals(Role.GM, gm.highest().orElseThrow());
        assertTrue(gm.atLeast(Role.PLAYER));
        assertFalse(gm.admin());
        assertEquals(List.of("player", "gm"), gm.roleNames());
    }

    @Test
    void anAdminHoldsEveryDelegatedPermissionByRank() {
        Caller admin = caller(EnumSet.of(Role.ADMIN), Set.of());
        for (Permission permission : Permission.values()) {
            assertTrue(admin.hasPermission(permission), permission.claim());
        }
    }

    @Test
    void belowAdminOnlyTheGrantedPermissionsAreHeld() {
        Caller player = caller(EnumSet.of(Role.PLAYER), EnumSet.of(Permission.MANAGE_TROPHIES));
        assertTrue(player.hasPermission(Permission.MANAGE_TROPHIES));
        assertFalse(player.hasPermission(Permission.VIEW_AUDIT));
        assertFalse(player.admin());
    }

    @Test
    void managesAndGrantsFollowTheRankRulesOnRoleNames() {
        Caller admin = caller(EnumSet.of(Role.ADMIN), Set.of());
        assertTrue(admin.manages(List.of("player", "gm")));
        assertFalse(admin.manages(List.of("admin")));
        assertTrue(admin.grants(List.of("gm")));
        assertFalse(admin.grants(List.of("gm", "admin")));
    }

    @Test
    void grantingAnUnknownRoleIsRefused() {
        assertFalse(caller(EnumSet.of(Role.SUPERUSER), Set.of()).grants(List.of("wizard")));
    }

    @Test
    void aUserTokenIsNotLimitedByScopes() {
        assertTrue(caller(EnumSet.of(Role.PLAYER), Set.of()).mayUseAnyOf(List.of()));
    }

    @Test
    void aBotTokenMayUseOnlyOperationsOfItsScopesAndNothingUnannotated() {
        Caller bot = bot(Scopes.GAMES_READ, Scopes.CALENDAR_READ);
        assertTrue(bot.mayUseAnyOf(List.of(Scopes.GAMES_READ)));
        assertTrue(bot.mayUseAnyOf(List.of(Scopes.GAMES_WRITE, Scopes.CALENDAR_READ)));
        assertFalse(bot.mayUseAnyOf(List.of(Scopes.REGISTRATIONS_WRITE)));
        assertFalse(bot.mayUseAnyOf(List.of()));
    }

    @Test
    void anAnonymousCallerHasNoRankAndIsRefusedWhereAuthenticationIsRequired() {
        assertTrue(Caller.ANONYMOUS.anonymous());
        assertFalse(Caller.ANONYMOUS.atLeast(Role.PLAYER));
        assertFalse(Caller.ANONYMOUS.hasPermission(Permission.VIEW_AUDIT));
        ApiException e = assertThrows(ApiException.class, Caller.ANONYMOUS::requireAuthenticated);
        assertEquals(ErrorCode.UNAUTHENTICATED, e.code());
    }
}
