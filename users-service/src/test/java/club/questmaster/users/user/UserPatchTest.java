package club.questmaster.users.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a PATCH changes, in plain JUnit. */
class UserPatchTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime EARLIER = NOW.minusDays(3);

    private static User player() {
        User user = new User();
        user.id = "10000000000000000001";
        user.name = "Alice";
        user.setRoles(List.of("player"));
        user.updatedAt = EARLIER;
        return user;
    }

    @Test
    void theSameNameWithSurroundingSpacesIsNoChange() {
        User user = player();
        PatchUserRequest request = new PatchUserRequest();
        request.setName("  Alice ");
        UserPatch.Change change = UserPatch.apply(user, request, null, null, NOW);
        assertFalse(change.any());
        assertEquals(EARLIER, user.updatedAt);
    }

    @Test
    void aNewNameIsStrippedAndIsAPublicChange() {
        User user = player();
        PatchUserRequest request = new PatchUserRequest();
        request.setName(" Alicia ");
        assertTrue(UserPatch.apply(user, request, null, null, NOW).publicChange());
        assertEquals("Alicia", user.name);
        assertEquals(NOW, user.updatedAt);
    }

    @Test
    void losingThePlayerRoleStartsNotPlayerAsOfNow() {
        User user = player();
        PatchUserRequest request = new PatchUserRequest();
        request.setRoles(List.of("gm"));
        UserPatch.apply(user, request, List.of("gm"), null, NOW);
        assertEquals(NOW, user.notPlayerAsOf);
    }

    @Test
    void regainingThePlayerRoleClearsNotPlayerAsOf() {
        User user = player();
        user.setRoles(List.of("gm"));
        user.notPlayerAsOf = EARLIER;
        PatchUserRequest request = new PatchUserRequest();
        request.setRoles(List.of("player", "gm"));
        UserPatch.apply(user, request, List.of("player", "gm"), null, NOW);
        assertNull(user.notPlayerAsOf);
    }

    @Test
    void anExplicitNotPlayerAsOfWinsOverTheRoleChange() {
        User user = player();
        PatchUserRequest request = new PatchUserRequest();
        request.setRoles(List.of("gm"));
        request.setNotPlayerAsOf(EARLIER);
        UserPatch.apply(user, request, List.of("gm"), null, NOW);
        assertEquals(EARLIER, user.notPlayerAsOf);
    }

    @Test
    void theSameInstantInAnotherOffsetIsNoChange() {
        User user = player();
        user.notPlayerAsOf = EARLIER;
        PatchUserRequest request = new PatchUserRequest();
        request.setNotPlayerAsOf(EARLIER.withOffsetSameInstant(ZoneOffset.ofHours(1)));
        assertFalse(UserPatch.apply(user, request, null, null, NOW).any());
    }

    @Test
    void aNewPasswordClearsTheLockButIsNoPublicChange() {
        User user = player();
        user.failedLogins = 3;
        user.lockedUntil = NOW.plusMinutes(5);
        UserPatch.Change change = UserPatch.apply(user, new PatchUserRequest(), null, "$2a$new", NOW);
        assertTrue(change.passwordChanged());
        assertFalse(change.publicChange());
        assertEquals("$2a$new", user.passwordHash);
        assertEquals(0, user.failedLogins);
        assertNull(user.lockedUntil);
        assertEquals(NOW, user.updatedAt);
    }
}
