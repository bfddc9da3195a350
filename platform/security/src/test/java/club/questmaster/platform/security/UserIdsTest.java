package club.questmaster.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserIdsTest {

    @Test
    void aUserIdIsSeventeenToTwentyOneDecimalDigits() {
        assertTrue(UserIds.valid("12345678901234567"));
        assertTrue(UserIds.valid("123456789012345678901"));
        assertFalse(UserIds.valid("1234567890123456"));
        assertFalse(UserIds.valid("1234567890123456789012"));
    }

    @Test
    void anythingButAsciiDigitsIsNotAUserId() {
        assertFalse(UserIds.valid(null));
        assertFalse(UserIds.valid(""));
        assertFalse(UserIds.valid("1234567890123456a"));
        assertFalse(UserIds.valid("-12345678901234567"));
        assertFalse(UserIds.valid("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧"));
        assertFalse(UserIds.valid("12345678901234567\n"));
    }
}
