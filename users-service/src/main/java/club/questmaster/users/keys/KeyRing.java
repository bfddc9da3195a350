package club.questmaster.users.keys;

import club.questmaster.users.config.UsersConfig;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The signing key (current) and the public keys still published for verification (current + previous).
 *
 * <p>Rotation (README.md): the operator mounts the new private key at {@code smallrye.jwt.sign.key.location} and
 * lists the old public key in {@code questmaster.users.jwt.previous-public-key-locations} until the old key's last
 * access token expired (15 min). Each key's {@code kid} is its RFC 7638 thumbprint, so no key id is configured
 * and a given key always has the same id.
 */
@Startup // read the key files at boot: a missing or bad key stops the start, and no file is read on an event loop
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class);

    private final PrivateKey signingKey;
    private final String signingKeyId;
    private final List<Map<String, Object>> published;

    public KeyRing(@ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> location,
            UsersConfig config) {
        String where = location.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "No JWT signing key: set QM_JWT_PRIVATE_KEY_LOCATION (smallrye.jwt.sign.key.location) to a PKCS#8 PEM"));
        try {
            this.signingKey = KeyUtils.decodePrivateKey(read(where));
            if (!(signingKey instanceof RSAPrivateCrtKey rsa)) {
                throw new IllegalStateException("the JWT signing key must be an RSA private key (PKCS#8 PEM)");
            }
            RSAPublicKey current = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            List<Map<String, Object>> keys = new ArrayList<>();
            RsaJsonWebKey currentJwk = jwk(current);
            this.signingKeyId = currentJwk.getKeyId();
            keys.add(currentJwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            for (String previous : config.jwt().previousPublicKeyLocations().orElse(List.of())) {
                if (previous.isBlank()) {
                    continue;
                }
                RsaJsonWebKey old = jwk(readPublicKey(previous.strip()));
                if (!old.getKeyId().equals(signingKeyId)) {
                    keys.add(old.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
                }
            }
            this.published = List.copyOf(keys);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the JWT keys: " + e.getMessage(), e);
        }
        LOG.infof("JWT signing key kid=%s; %d key(s) published in the JWKS", signingKeyId, published.size());
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    /** The JWK Set document: {@code {"keys":[...]}}, the current key first. */
    public Map<String, Object> jwks() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("keys", published);
        return document;
    }

    private static RSAPublicKey readPublicKey(String location) {
        try {
            if (KeyUtils.decodePublicKey(read(location)) instanceof RSAPublicKey rsa) {
                return rsa;
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the previous public key " + location + ": " + e, e);
        }
        throw new IllegalStateException("the previous public key " + location + " is not an RSA public key (PEM)");
    }

    /** A file path, {@code file:}, {@code classpath:} or an http(s) URL (KeyUtils.read* only look on the classpath). */
    private static String read(String location) throws java.io.IOException {
        String content = ResourceUtils.readResource(location);
        if (content == null) {
            throw new java.io.FileNotFoundException(location);
        }
        return content;
    }

    private static RsaJsonWebKey jwk(RSAPublicKey key) throws JoseException {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return jwk;
    }
}
