package club.questmaster.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/**
 * Access tokens as users-service issues them (iss/aud questmaster, sub, preferred_username, groups), signed with the
 * local stack's key ({@code .devstack/keys/jwt-private.pem}, which the launcher hands to users-service). Logging in
 * thousands of distinct players through bcrypt would measure bcrypt, not seat-taking.
 */
final class Jwt {

    private final PrivateKey key;

    Jwt(Path privateKeyPem) throws Exception {
        String pem = Files.readString(privateKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    String token(String userId, String username, String... groups) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        StringBuilder g = new StringBuilder();
        for (String group : groups) {
            g.append(g.isEmpty() ? "" : ",").append('"').append(group).append('"');
        }
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"questmaster\",\"aud\":\"questmaster\",\"sub\":\"" + userId
                + "\",\"preferred_username\":\"" + username + "\",\"name\":\"" + username + "\",\"groups\":[" + g
                + "],\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }
}
