package club.questmaster.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionCodecTest {

    private static final SessionData ALICE = new SessionData("10000000000000000001", "alice", "Alice",
            List.of("player"), "access.jwt.value", "refresh-token", 1_800_000_000L);
    private final SessionCodec codec = new SessionCodec(SessionCodec.randomKey());

    @Test
    void aSealedSessionOpensToTheSameSession() {
        assertEquals(Optional.of(ALICE), codec.open(codec.seal(ALICE)));
    }

    @Test
    void theCookieValueDoesNotShowTheTokens() {
        String sealed = codec.seal(ALICE);
        assertTrue(!sealed.contains("access") && !sealed.contains("refresh") && !sealed.contains("alice"), sealed);
        assertNotEquals(sealed, codec.seal(ALICE), "a fresh nonce each time");
    }

    @Test
    void aChangedByteOrAnotherKeyOpensNothing() {
        String sealed = codec.seal(ALICE);
        char last = sealed.charAt(sealed.length() / 2);
        String tampered = sealed.substring(0, sealed.length() / 2) + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() / 2 + 1);
        assertEquals(Optional.empty(), codec.open(tampered));
        assertEquals(Optional.empty(), new SessionCodec(SessionCodec.randomKey()).open(sealed));
        assertEquals(Optional.empty(), codec.open("not base64 at all!"));
        assertEquals(Optional.empty(), codec.open(sealed.substring(0, 10)));
    }
}
