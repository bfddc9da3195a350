package club.questmaster.users.auth;

import club.questmaster.users.config.UsersConfig;
import club.questmaster.users.keys.KeyRing;
import club.questmaster.users.session.UserSession;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
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
 * Mints tokens: RS256 access tokens with the contract's claims and a {@code kid} header, and opaque refresh tokens
 * stored as their SHA-256. Every access token carries {@code sid}: its session (the refresh-token family) for users,
 * the API token's session for bots, so that revoking either refuses the token everywhere. Must run inside the caller's
 * transaction (the session and refresh token rows are part of it).
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
    public record Subject(String id, String username, String name, List<String> roles, List<String> permissions) {
    }

    /** A new login: a new session, the first refresh token of its family. */
    public Uni<TokenResponse> issue(Subject subject, String userAgent) {
        OffsetDateTime now = now();
        UserSession session = new UserSession();
        session.id = UUID.randomUUID();
        session.userId = subject.id();
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = now.plus(refreshLifespan);
        session.userAgent = UserSession.userAgent(userAgent);
        return session.persist().chain(() -> pair(subject, session, now));
    }

    /** A rotation: the new refresh token joins the session's family, whose last use and expiry move on. */
    public Uni<TokenResponse> rotate(Subject subject, UserSession session) {
        OffsetDateTime now = now();
        session.lastUsedAt = now;
        session.expiresAt = now.plus(refreshLifespan);
        return pair(subject, session, now);
    }

    /**
     * A bot's access token: no refresh token, the {@code scope} claim, {@code sid} the API token's session; it lives
     * the access-token lifespan at most, and never beyond the API token's expiry.
     */
    public BotToken botToken(Subject subject, List<String> scopes, UUID sessionId, OffsetDateTime apiTokenExpiresAt) {
        Instant now = Instant.now();
        Instant expires = now.plus(accessLifespan);
        if (apiTokenExpiresAt.toInstant().isBefore(expires)) {
            expires = apiTokenExpiresAt.toInstant();
        }
        String jwt = claims(subject, sessionId, now, expires).claim("scope", String.join(" ", scopes)).jws()
                .keyId(keys.signingKeyId()).algorithm(SignatureAlgorithm.RS256).sign(keys.signingKey());
        return new BotToken(jwt, "Bearer", Math.max(1, Duration.between(now, expires).toSeconds()));
    }

    private Uni<TokenResponse> pair(Subject subject, UserSession session, OffsetDateTime now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String refreshValue = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RefreshToken row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.tokenHash = hash(refreshValue);
        row.userId = subject.id();
        row.familyId = session.id;
        row.issuedAt = now;
        row.expiresAt = now.plus(refreshLifespan);
        return refreshTokens.persist(row)
                .map(saved -> new TokenResponse(accessToken(subject, session.id, now.toInstant()), refreshValue,
                        "Bearer", accessLifespan.toSeconds()));
    }

    String accessToken(Subject subject, UUID sessionId, Instant now) {
        return claims(subject, sessionId, now, now.plus(accessLifespan)).jws()
                .keyId(keys.signingKeyId())
                .algorithm(SignatureAlgorithm.RS256)
                .sign(keys.signingKey());
    }

    private static JwtClaimsBuilder claims(Subject subject, UUID sessionId, Instant now, Instant expires) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject.id())
                .claim("preferred_username", subject.username())
                .claim("name", subject.name() == null ? subject.username() : subject.name())
                .groups(new LinkedHashSet<>(subject.roles()))
                .claim("permissions", subject.permissions())
                .claim("sid", sessionId.toString())
                .issuedAt(now)
                .expiresAt(expires)
                .claim("jti", UUID.randomUUID().toString());
    }

    /** SHA-256 (hex) of a token value (refresh token or API token): what the tables store and look up. */
    public static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
