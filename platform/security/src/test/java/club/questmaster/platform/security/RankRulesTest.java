package club.questmaster.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RankRulesTest {

    private static Optional<Role> of(Role role) {
        return Optional.of(role);
    }

    @Test
    void anActorManagesOnlyUsersWhoseHighestRoleIsStrictlyBelowTheirs() {
        assertTrue(RankRules.manages(of(Role.ADMIN), of(Role.GM)));
        assertTrue(RankRules.manages(of(Role.ADMIN), of(Role.PLAYER)));
        assertTrue(RankRules.manages(of(Role.GM), of(Role.PLAYER)));
        assertFalse(RankRules.manages(of(Role.ADMIN), of(Role.ADMIN)));
        assertFalse(RankRules.manages(of(Role.ADMIN), of(Role.SUPERUSER)));
        assertFalse(RankRules.manages(of(Role.PLAYER), of(Role.PLAYER)));
    }

    @Test
    void aSuperuserManagesEveryoneOtherSuperusersIncluded() {
        assertTrue(RankRules.manages(of(Role.SUPERUSER), of(Role.SUPERUSER)));
        assertTrue(RankRules.manages(of(Role.SUPERUSER), of(Role.ADMIN)));
        assertTrue(RankRules.manages(of(Role.SUPERUSER), Optional.empty()));
    }

    @Test
    void aUserWithoutRolesIsManagedByAnyoneHoldingOneAndManagesNobody() {
        assertTrue(RankRules.manages(of(Role.PLAYER), Optional.empty()));
        assertFalse(RankRules.manages(Optional.empty(), Optional.empty()));
        assertFalse(RankRules.manages(Optional.empty(), of(Role.PLAYER)));
    }

    @Test
    void anActorGrantsOnlyRolesStrictlyBelowTheirOwn() {
        assertTrue(RankRules.grants(of(Role.ADMIN), EnumSet.of(Role.PLAYER, Role.GM)));
        assertFalse(RankRules.grants(of(Role.ADMIN), EnumSet.of(Role.PLAYER, Role.ADMIN)));
        assertFalse(RankRules.grants(of(Role.ADMIN), EnumSet.of(Role.SUPERUSER)));
        assertFalse(RankRules.grants(of(Role.GM), EnumSet.of(Role.GM)));
        assertTrue(RankRules.grants(of(Role.GM), EnumSet.of(Role.PLAYER)));
    }

    @Test
    void aSuperuserGrantsEveryRole() {
        assertTrue(RankRules.grants(of(Role.SUPERUSER), EnumSet.allOf(Role.class)));
    }

    @Test
    void withoutARoleNothingIsGrantedNotEvenTheEmptySet() {
        assertFalse(RankRules.grants(Optional.empty(), List.of()));
        assertFalse(RankRules.grants(Optional.empty(), EnumSet.of(Role.PLAYER)));
    }
}
