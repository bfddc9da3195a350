package club.questmaster.users.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rank rules of api.md §2, in plain JUnit (no Quarkus, no database). */
class RoleHierarchyTest {

    private static final List<String> PLAYER = List.of("player");
    private static final List<String> GM = List.of("player", "gm");
    private static final List<String> ADMIN = List.of("player", "admin");
    private static final List<String> SUPERUSER = List.of("superuser");

    @Test
    void anActorManagesUsersWhoseHighestRoleIsStrictlyBelowTheirs() {
        assertTrue(RoleHierarchy.manages(ADMIN, GM));
        assertTrue(RoleHierarchy.manages(ADMIN, PLAYER));
        assertTrue(RoleHierarchy.manages(GM, PLAYER));
    }

    @Test
    void anActorDoesNotManageTheirEqualsNorTheirSuperiors() {
        assertFalse(RoleHierarchy.manages(ADMIN, List.of("admin")));
        assertFalse(RoleHierarchy.manages(GM, List.of("gm")));
        assertFalse(RoleHierarchy.manages(ADMIN, SUPERUSER));
        assertFalse(RoleHierarchy.manages(PLAYER, GM));
    }

    @Test
    void theHighestRoleDecidesNotTheLowest() {
        assertFalse(RoleHierarchy.manages(ADMIN, List.of("player", "admin")));
        assertTrue(RoleHierarchy.manages(List.of("gm", "admin"), List.of("player", "gm")));
    }

    @Test
    void aSuperuserManagesEveryoneIncludingOtherSuperusers() {
        assertTrue(RoleHierarchy.manages(SUPERUSER, SUPERUSER));
        assertTrue(RoleHierarchy.manages(SUPERUSER, ADMIN));
    }

    @Test
    void anyRankedActorManagesAUserWithoutRoles() {
        assertTrue(RoleHierarchy.manages(PLAYER, List.of()));
    }

    @Test
    void anActorWithoutRolesManagesNobody() {
        assertFalse(RoleHierarchy.manages(List.of(), List.of()));
        assertFalse(RoleHierarchy.manages(List.of("unknown"), PLAYER));
    }

    @Test
    void anActorGrantsOnlyRolesStrictlyBelowTheirOwn() {
        assertTrue(RoleHierarchy.grants(ADMIN, List.of("player", "gm")));
        assertFalse(RoleHierarchy.grants(ADMIN, List.of("admin")));
        assertFalse(RoleHierarchy.grants(ADMIN, List.of("player", "superuser")));
        assertFalse(RoleHierarchy.grants(GM, List.of("gm")));
    }

    @Test
    void aSuperuserGrantsEveryRole() {
        assertTrue(RoleHierarchy.grants(SUPERUSER, List.of("player", "gm", "admin", "superuser")));
    }

    @Test
    void grantingNoRoleIsAllowedToAnyRankedActor() {
        assertTrue(RoleHierarchy.grants(PLAYER, List.of()));
        assertFalse(RoleHierarchy.grants(List.of(), List.of()));
    }
}
