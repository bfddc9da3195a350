package club.questmaster.users.apitoken;

import club.questmaster.platform.security.Caller;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.users.auth.BotToken;
import club.questmaster.users.auth.LoginService;
import club.questmaster.users.auth.TokenIssuer;
import club.questmaster.users.user.UserAuthority;
import club.questmaster.users.user.UserEventPublisher;
import club.questmaster.users.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * API tokens for bots and scripts (api.md §8): created by their owner (the secret is shown once), listed without
 * it, revoked; exchanged for a short JWT with a {@code scope} claim. Revoking a token publishes
 * {@code questmaster.user.session.revoked} for its session, so the JWTs it gave are refused everywhere.
 */
@ApplicationScoped
public class ApiTokenService {

    static final String BAD_TOKEN = "Invalid, expired or revoked API token.";

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final UserAuthority authority;
    private final UserEventPublisher events;
    private final TokenIssuer issuer;

    public ApiTokenService(ApiTokenRepository tokens, UserRepository users, UserAuthority authority,
            UserEventPublisher events, TokenIssuer issuer) {
        this.tokens = tokens;
        this.users = users;
        this.authority = authority;
        this.events = events;
        this.issuer = issuer;
    }

    /** The owner's row is locked while counting, so concurrent creations cannot pass the limit together. */
    @WithTransaction
    public Uni<ApiTokenViews.Created> create(Caller caller, ApiTokenViews.Create request) {
        List<String> scopes = ApiTokenRules.scopes(request.scopes());
        int days = ApiTokenRules.expiresInDays(request.expiresInDays());
        String name = request.name().strip();
        if (name.isEmpty()) {
            return Uni.createFrom().failure(ApiException.invalid("name", "must not be empty"));
        }
        return authority.resolve(caller).chain(actor -> users.lockLive(actor.id())).chain(owner -> {
            if (owner == null) {
                throw ApiException.notFound("No account for this token's subject.");
            }
            OffsetDateTime now = now();
            return tokens.countLive(owner.id, now).chain(live -> {
                if (!ApiTokenRules.mayCreateAnother(live)) {
                    throw new ApiException(ErrorCode.CONFLICT, "At most " + ApiTokenRules.MAX_LIVE_PER_USER
                            + " live API tokens per user: revoke one first.");
                }
                String secret = ApiTokenRules.newSecret();
                ApiToken token = new ApiToken();
                token.userId = owner.id;
                token.name = name;
                token.scopeList = String.join(" ", scopes);
                token.tokenHash = TokenIssuer.hash(secret);
                token.sessionId = UUID.randomUUID();
                token.createdAt = now;
                token.expiresAt = now.plusDays(days);
                return tokens.persist(token).map(saved -> new ApiTokenViews.Created(saved.id, saved.name,
                        saved.scopes(), saved.createdAt, saved.expiresAt, secret));
            });
        });
    }

    @WithSession
    public Uni<List<ApiTokenViews.Listed>> list(Caller caller) {
        return authority.resolve(caller).chain(actor -> tokens.unrevoked(actor.id()))
                .map(rows -> rows.stream().map(ApiTokenViews.Listed::of).toList());
    }

    @WithTransaction
    public Uni<Void> revoke(Caller caller, String id) {
        long tokenId = parseId(id);
        return authority.resolve(caller).chain(actor -> tokens.lockOf(actor.id(), tokenId).chain(token -> {
            if (token == null || token.revokedAt != null) {
                throw ApiException.notFound("No such API token.");
            }
            token.revokedAt = now();
            return users.findById(token.userId)
                    .chain(owner -> events.sessionRevoked(owner, token.sessionId.toString(), actor.id()));
        }));
    }

    /** {@code POST /auth/token}: unknown, revoked or expired secret, or a deleted owner: 401; a banned owner: 403. */
    @WithTransaction
    public Uni<BotToken> exchange(String secret) {
        if (!ApiTokenRules.wellFormed(secret)) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.UNAUTHENTICATED, BAD_TOKEN));
        }
        OffsetDateTime now = now();
        return tokens.byHash(TokenIssuer.hash(secret)).chain(token -> {
            if (token == null || !token.liveAt(now)) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, BAD_TOKEN);
            }
            return users.findLive(token.userId).map(owner -> {
                if (owner == null) {
                    throw new ApiException(ErrorCode.UNAUTHENTICATED, BAD_TOKEN);
                }
                UserAuthority.requireActive(owner);
                token.lastUsedAt = now;
                return issuer.botToken(LoginService.subject(owner), token.scopes(), token.sessionId, token.expiresAt);
            });
        });
    }

    private static long parseId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // a 404 like any unknown id
        }
        throw ApiException.notFound("No such API token.");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
