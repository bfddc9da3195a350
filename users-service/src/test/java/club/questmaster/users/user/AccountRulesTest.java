package club.questmaster.users.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Who may do what to an account, in plain JUnit. */
class AccountRulesTest {

    private static final Actor ADMIN = new Actor("10000000000000000001", List.of("player", "admin"));
    private static final Actor SUPERUSER = new Actor("10000000000000000002", List.of("superuser"));

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
        forbidden(() -> AccountRules.requireAdmin(new Actor("10000000000000000003", List.of("player", "gm"))));
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
