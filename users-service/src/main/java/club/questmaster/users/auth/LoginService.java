package club.questmaster.users.auth;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.users.abuse.LoginFailures;
import club.questmaster.users.config.UsersConfig;
import club.questmaster.users.password.PasswordHasher;
import club.questmaster.users.session.SessionRepository;
import club.questmaster.users.session.SessionService;
import club.questmaster.users.user.User;
import club.questmaster.users.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Password login, refresh-token rotation and logout (api.md §2).
 *
 * <p>Login runs in three steps so that bcrypt never runs on an event loop nor inside a reactive session: read the
 * account (session closed), verify on the hashing pool (a dummy hash when the username is unknown, so both answers
 * take the same time and carry the same body), then record the outcome in a transaction. Failures are recorded
 * (committed) before the 401 leaves.
 */
@ApplicationScoped
public class LoginService {

    static final String BAD_CREDENTIALS = "Invalid username or password.";
    static final String BAD_REFRESH_TOKEN = "Invalid or expired refresh token.";

    private final UserRepository users;
    private final LoginFailures failures;
    private final RefreshTokenRepository refreshTokens;
    private final SessionRepository sessions;
    private final SessionService sessionService;
    private final TokenIssuer issuer;
    private final PasswordHasher hasher;
    private final int maxFailures;
    private final Duration lockDuration;

    public LoginService(UserRepository users, LoginFailures failures, RefreshTokenRepository refreshTokens,
            SessionRepository sessions, SessionService sessionService, TokenIssuer issuer, PasswordHasher hasher,
            UsersConfig config) {
        this.users = users;
        this.failures = failures;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.sessionService = sessionService;
        this.issuer = issuer;
        this.hasher = hasher;
        this.maxFailures = config.login().maxFailures();
        this.lockDuration = config.login().lockDuration();
    }

    /** What the first step needs to know; read in its own short session. */
    record Candidate(String id, String passwordHash, OffsetDateTime lockedUntil) {
    }

    sealed interface Outcome {
    }

    record Success(TokenResponse tokens) implements Outcome {
    }

    record Failure(ApiException error) implements Outcome {
    }

    /**
     * Failures are counted per account and client address (contract §6): five in a row from one address lock the
     * account for that address only, so whoever floods it with wrong passwords cannot keep its owner out.
     */
    public Uni<TokenResponse> login(String username, String password, String client, String userAgent) {
        return candidate(username, client).chain(candidate -> {
            if (candidate != null) {
                ApiException locked = lockedError(candidate.lockedUntil(), now());
                if (locked != null) {
                    return Uni.createFrom().failure(locked);
                }
            }
            return hasher.verify(password, candidate == null ? null : candidate.passwordHash())
                    .chain(matches -> settle(username, candidate == null ? null : candidate.id(), matches, client,
                            userAgent));
        }).map(LoginService::unwrap);
    }

    @WithSession
    Uni<Candidate> candidate(String username, String client) {
        // An unknown username reads the (absent) lockout too, so both answers cost the same queries.
        return users.findLiveByUsername(username).chain(user -> user == null
                ? failures.lockedUntil(LoginFailures.NOBODY, client).onItem().transform(ignored -> (Candidate) null)
                : failures.lockedUntil(user.id, client).map(until -> new Candidate(user.id, user.passwordHash, until)));
    }

    /**
     * Records the attempt under a row lock: concurrent failures all count, and the lock starts exactly once. An
     * unknown username takes the same path (the same locking read, which finds nothing), so that its answer costs
     * what a wrong password costs.
     */
    @WithTransaction
    Uni<Outcome> settle(String username, String candidateId, boolean matches, String client, String userAgent) {
        return users.lockLiveByUsername(username).chain(user -> {
            OffsetDateTime now = now();
            if (user == null || candidateId == null || !user.id.equals(candidateId)) {
                // The same two statements a wrong password costs, on nobody's row.
                return failures.lockedUntil(LoginFailures.NOBODY, client)
                        .chain(() -> failures.failedNobody(client)).replaceWith((Outcome) new Failure(badCredentials()));
            }
            return failures.lockedUntil(user.id, client).chain(lockedUntil -> {
                ApiException locked = lockedError(lockedUntil, now);
                if (locked != null) {
                    return Uni.createFrom().item(new Failure(locked));
                }
                if (!matches) {
                    return failures.failed(user.id, client, maxFailures, lockDuration, now)
                            .replaceWith(new Failure(badCredentials()));
                }
                return failures.succeeded(user.id, client).chain(() -> {
                    if (user.banned) {
                        return Uni.createFrom().item(new Failure(banned()));
                    }
                    user.lastLoginAt = now;
                    return issuer.issue(subject(user), userAgent).map(Success::new);
                });
            });
        });
    }

    /**
     * Exchanges a refresh token for a new pair. The presented token dies; presenting a dead one again (a stolen copy
     * or a replay) revokes its whole family, its session (published: its access tokens are refused everywhere), and
     * that revocation is committed before the 401 leaves.
     */
    public Uni<TokenResponse> refresh(String refreshValue) {
        return rotate(refreshValue).map(LoginService::unwrap);
    }

    @WithTransaction
    Uni<Outcome> rotate(String refreshValue) {
        return refreshTokens.lockByHash(TokenIssuer.hash(refreshValue)).chain(token -> {
            OffsetDateTime now = now();
            if (token == null) {
                return Uni.createFrom().item(new Failure(badRefreshToken()));
            }
            if (token.dead()) {
                return sessionService.revokeOne(token.userId, token.familyId, null, now)
                        .map(n -> new Failure(badRefreshToken()));
            }
            if (!token.expiresAt.isAfter(now)) {
                token.revokedAt = now;
                return Uni.createFrom().item(new Failure(badRefreshToken()));
            }
            token.rotatedAt = now;
            return users.findLive(token.userId).chain(user -> sessions.findById(token.familyId).chain(session -> {
                if (user == null || user.banned || session == null || !session.liveAt(now)) {
                    return sessionService.revokeOne(token.userId, token.familyId, null, now)
                            .map(n -> new Failure(user != null && user.banned ? banned() : badRefreshToken()));
                }
                return issuer.rotate(subject(user), session).map(Success::new);
            }));
        });
    }

    /**
     * Ends the session the refresh token belongs to (its whole family; its access tokens are refused everywhere).
     * Unknown tokens are ignored: 204 either way.
     */
    @WithTransaction
    public Uni<Void> logout(String refreshValue) {
        return refreshTokens.lockByHash(TokenIssuer.hash(refreshValue)).chain(token -> token == null
                ? Uni.createFrom().voidItem()
                : sessionService.revokeOne(token.userId, token.familyId, token.userId, now()));
    }

    public static TokenIssuer.Subject subject(User user) {
        return new TokenIssuer.Subject(user.id, user.username, user.name, user.roles(), user.permissions());
    }

    private static TokenResponse unwrap(Outcome outcome) {
        if (outcome instanceof Success success) {
            return success.tokens();
        }
        throw ((Failure) outcome).error();
    }

    private static ApiException lockedError(OffsetDateTime lockedUntil, OffsetDateTime now) {
        if (lockedUntil == null || !lockedUntil.isAfter(now)) {
            return null;
        }
        Duration left = Duration.between(now, lockedUntil);
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        return new ApiException(ErrorCode.ACCOUNT_LOCKED,
                "Too many failed logins: the account is locked for " + seconds + " s.", List.of(),
                Duration.ofSeconds(seconds));
    }

    private static ApiException badCredentials() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, BAD_CREDENTIALS);
    }

    private static ApiException badRefreshToken() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, BAD_REFRESH_TOKEN);
    }

    static ApiException banned() {
        return new ApiException(ErrorCode.ACCOUNT_BANNED, "This account is banned.");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
