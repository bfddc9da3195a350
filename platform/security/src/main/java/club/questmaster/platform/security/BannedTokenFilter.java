package club.questmaster.platform.security;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses every request that carries the still-valid access token of a banned user (403 ACCOUNT_BANNED). Requests
 * with a token are authenticated here, so a bad token is also refused (401) before any endpoint runs.
 */
public class BannedTokenFilter {

    private final CurrentIdentityAssociation identity;
    private final BannedUsers banned;

    public BannedTokenFilter(CurrentIdentityAssociation identity, BannedUsers banned) {
        this.identity = identity;
        this.banned = banned;
    }

    @ServerRequestFilter(preMatching = false)
    public Uni<Void> refuseBanned(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().map(id -> {
            if (!id.isAnonymous() && id.getPrincipal() instanceof JsonWebToken jwt && banned.isBanned(jwt.getSubject())) {
                throw new ApiException(ErrorCode.ACCOUNT_BANNED, "This account is banned.");
            }
            return null;
        });
    }
}
