package club.questmaster.users.password;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The password rules of api.md §2, in plain JUnit. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(List.of("Password123", "qwertyuiop"));

    private String refusal(String username, String password) {
        ApiException e = assertThrows(ApiException.class, () -> policy.check("password", username, password));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals("password", e.errors().get(0).field());
        return e.errors().get(0).message();
    }

    @Test
    void aPasswordShorterThanEightCharactersIsRefused() {
        assertEquals("must be at least 8 characters", refusal("alice", "Sh0rt!x"));
    }

    @Test
    void lengthCountsCharactersNotBytesNorUtf16Units() {
        // 8 emoji: 16 UTF-16 units, 32 bytes, but 8 characters: accepted.
        assertDoesNotThrow(() -> policy.check("password", "alice", "😀".repeat(8)));
        assertEquals("must be at least 8 characters", refusal("alice", "😀".repeat(7)));
    }

    @Test
    void aPasswordOverBcryptsSeventyTwoBytesIsRefused() {
        assertEquals("must be at most 72 bytes", refusal("alice", "é".repeat(37)));
        assertDoesNotThrow(() -> policy.check("password", "alice", "é".repeat(36)));
    }

    @Test
    void thePasswordMayNotBeTheUsernameInAnyCase() {
        assertEquals("must not be the username", refusal("AliceWonder", "alicewonder"));
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() {
        assertEquals("is too common", refusal("alice", "QWERTYUIOP"));
        assertEquals("is too common", refusal("alice", "password123"));
    }

    @Test
    void aMissingPasswordIsRequired() {
        assertEquals("is required", refusal("alice", null));
    }

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertDoesNotThrow(() -> policy.check("password", "alice", "Correct-Horse-42"));
    }

    @Test
    void theShippedListIsLoadedAndCaseInsensitive() {
        PasswordPolicy shipped = PasswordPolicy.fromClasspath();
        assertTrue(shipped.isCommon("PASSWORD"));
    }
}
