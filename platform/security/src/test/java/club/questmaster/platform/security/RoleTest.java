package club.questmaster.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void rolesAreRankedPlayerGmAdminSuperuser() {
        assertTrue(Role.SUPERUSER.atLeast(Role.ADMIN));
        assertTrue(Role.ADMIN.atLeast(Role.GM));
        assertTrue(Role.GM.atLeast(Role.PLAYER));
        assertTrue(Role.GM.atLeast(Role.GM));
        assertFalse(Role.GM.atLeast(Role.ADMIN));
    }

    @Test
    void theHighestHeldRoleDecidesAndUnknownNamesAreIgnored() {
        assertEquals(Optional.of(Role.ADMIN), Role.highest(List.of("player", "admin", "gm", "wizard")));
        assertEquals(Optional.empty(), Role.highest(List.of("wizard")));
        assertEquals(Optional.empty(), Role.fromClaim("Admin"));
        assertEquals("superuser", Role.SUPERUSER.claim());
    }
}
