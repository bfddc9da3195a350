package club.questmaster.web.session;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a {@link SessionData} into a cookie value and opens it again: AES-GCM (confidential and tamper-evident: a
 * changed byte fails the tag check), a fresh 96-bit nonce per value, base64url. The tokens never reach the browser
 * in readable form, and the cookie needs no server-side store, so any replica can serve any request.
 */
public final class SessionCodec {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Bound to the cookie's purpose, so a value sealed for another use with the same key never opens here. */
    private static final byte[] AAD = "questmaster-web-session-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The record's components only (not derived getters such as isAdmin), so what is written is what is read. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SessionCodec(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("the session key must be 16, 24 or 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public String seal(SessionData data) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(data));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot seal the session", e);
        }
    }

    /** Empty for anything that was not sealed by this key: garbage, a truncated value, a tampered byte, an old key. */
    public Optional<SessionData> open(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value);
            if (bytes.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(AAD);
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Optional.of(JSON.readValue(plain, SessionData.class));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
