package club.questmaster.users.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.questmaster.platform.security.Caller;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Who may do what to an account, in plain JUnit. */
class AccountRulesTest {

    private static final Caller ADMIN = caller("10000000000000000001", Role.PLAYER, Role.ADMIN);
    private static final Caller SUPERUSER = caller("10000000000000000002", Role.SUPERUSER);

    private static Caller caller(String id, Role... roles) {
        return new Caller(id, "u" + id, "U", Set.of(roles), Set.of(), false, Set.of(), null);
    }

    private static User user(String id, String... roles) {
        User user = new User();
        user.id = id;
        user.setRoles(List.of(roles));
        return user;
    }

    private static void forbidden(Executable check) {
        ApiException e = assertThrows(ApiException.class, check);
        assertEquals(ErrorCode.FORBIDDEN, e.code());
    }

    @Test
    void onlyAdminsAndSuperusersAdministerAccounts() {
        forbidden(() -> AccountRules.requireAdmin(caller("10000000000000000003", Role.PLAYER, Role.GM)));
        assertDoesNotThrow(() -> AccountRules.requireAdmin(ADMIN));
        assertDoesNotThrow(() -> AccountRules.requireAdmin(SUPERUSER));
    }

    @Test
    void onlySuperusersDeleteAccounts() {
        forbidden(() -> AccountRules.requireSuperuser(ADMIN));
        assertDoesNotThrow(() -> AccountRules.requireSuperuser(SUPERUSER));
    }

    @Test
    void anAdminMayNotPatchAnotherAdmin() {
        forbidden(() -> AccountRules.checkPatch(ADMIN, user("10000000000000000009", "admin"), null));
    }

    @Test
    void nobodyChangesTheirOwnRolesNotEvenASuperuser() {
        User self = user(SUPERUSER.id(), "superuser");
        forbidden(() -> AccountRules.checkPatch(SUPERUSER, self, List.of("player", "superuser")));
        assertDoesNotThrow(() -> AccountRules.checkPatch(SUPERUSER, self, List.of("superuser")));
    }

    @Test
    void aPatchMayOnlyGrantRolesBelowTheActorsOwn() {
        User gm = user("10000000000000000009", "player", "gm");
        forbidden(() -> AccountRules.checkPatch(ADMIN, gm, List.of("admin")));
        assertDoesNotThrow(() -> AccountRules.checkPatch(ADMIN, gm, List.of("player")));
    }

    @Test
    void nobodyBansOrDeletesThemselves() {
        forbidden(() -> AccountRules.checkModerate(SUPERUSER, user(SUPERUSER.id(), "superuser"), "ban"));
    }

    @Test
    void moderationNeedsTheTargetRankedBelow() {
        forbidden(() -> AccountRules.checkModerate(ADMIN, user("10000000000000000009", "superuser"), "ban"));
        assertDoesNotThrow(() -> AccountRules.checkModerate(ADMIN, user("10000000000000000009", "gm"), "ban"));
    }
}
