package club.questmaster.users.auth;

import club.questmaster.users.config.UsersConfig;
import club.questmaster.users.keys.KeyRing;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Mints token pairs: an RS256 access token with the contract's claims and a {@code kid} header, and an opaque refresh
 * token stored as its SHA-256. Must run inside the caller's transaction (the refresh token row is part of it).
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String ISSUER = "questmaster";
    public static final String AUDIENCE = "questmaster";

    private final KeyRing keys;
    private final RefreshTokenRepository refreshTokens;
    private final Duration accessLifespan;
    private final Duration refreshLifespan;
    private final SecureRandom random = new SecureRandom();

    public TokenIssuer(KeyRing keys, RefreshTokenRepository refreshTokens, UsersConfig config) {
        this.keys = keys;
        this.refreshTokens = refreshTokens;
        this.accessLifespan = config.jwt().accessTokenLifespan();
        this.refreshLifespan = config.jwt().refreshTokenLifespan();
    }

    /** What goes into an access token. */
    public record Subject(String id, String username, String name, List<String> roles) {
    }

    /** A new login: a new refresh-token family. */
    public Uni<TokenResponse> issue(Subject subject) {
        return issue(subject, UUID.randomUUID());
    }

    /** A rotation: the new refresh token joins the presented one's family. */
    public Uni<TokenResponse> issue(Subject subject, UUID familyId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String refreshValue = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RefreshToken row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.tokenHash = hash(refreshValue);
        row.userId = subject.id();
        row.familyId = familyId;
        row.issuedAt = now;
        row.expiresAt = now.plus(refreshLifespan);
        return refreshTokens.persist(row)
                .map(saved -> new TokenResponse(accessToken(subject, now.toInstant()), refreshValue, "Bearer",
                        accessLifespan.toSeconds()));
    }

    String accessToken(Subject subject, Instant now) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject.id())
                .claim("preferred_username", subject.username())
                .claim("name", subject.name() == null ? subject.username() : subject.name())
                .groups(new LinkedHashSet<>(subject.roles()))
                .issuedAt(now)
                .expiresAt(now.plus(accessLifespan))
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .keyId(keys.signingKeyId())
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.signingKey());
    }

    /** SHA-256 (hex) of a refresh token value: what the table stores and looks up. */
    public static String hash(String refreshValue) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(refreshValue.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
