package club.questmaster.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Turns a bearer token into an identity the way smallrye-jwt's own provider does (the same {@link JWTParser}, the same
 * identity), but verifies each distinct token once per {@link VerifiedTokenConfig#ttl()}: a token seen before is
 * answered from {@link VerifiedTokens} on the event loop, without RSA and without the hop to a worker thread that
 * verification needs (the keys may have to be fetched from the JWKS). Tried before smallrye-jwt's provider (higher
 * priority), which it answers for, so that one never runs. Who the caller is and what they may do is still decided
 * on every request by {@link CallerAugmentor}: a ban, deletion or revoked session bites as before.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(TokenIdentityProvider.class);

    /** Above the default (1001) that smallrye-jwt's provider has. */
    private static final int PRIORITY = 2000;

    private final JWTParser parser;
    private final VerifiedTokens<JsonWebToken> verified;

    public TokenIdentityProvider(JWTParser parser, VerifiedTokenConfig config) {
        this.parser = parser;
        this.verified = new VerifiedTokens<>(config.ttl(), config.size(), System::currentTimeMillis);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof JsonWebTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        String raw = request.getToken().getToken();
        JsonWebToken known = verified.find(raw);
        if (known != null) {
            return Uni.createFrom().item(identity(known, request));
        }
        return context.runBlocking(() -> {
            JsonWebToken token = verify(raw);
            verified.remember(raw, token, token.getExpirationTime());
            return identity(token, request);
        });
    }

    private JsonWebToken verify(String raw) {
        try {
            return parser.parse(raw);
        } catch (ParseException e) {
            LOG.debug("Token verification failed", e);
            throw new AuthenticationFailedException(e);
        }
    }

    /** The identity smallrye-jwt's provider builds: the token as principal and credential, its groups as roles. */
    private static SecurityIdentity identity(JsonWebToken token, TokenAuthenticationRequest request) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredential(request.getToken())
                .addRoles(token.getGroups())
                .addAttribute("quarkus.user", token);
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) {
            identity.addAttribute(RoutingContext.class.getName(), routingContext);
        }
        return identity.build();
    }
}
