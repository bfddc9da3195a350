package club.questmaster.platform.security;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request that carries a token has its caller resolved here, before the endpoint runs: a bad, banned, deleted
 * or revoked token is refused on every endpoint, public ones included. Then the scope rule: a bot token (claim
 * {@code scope}) may only call operations annotated with {@link RequiresScope} naming one of its scopes; anything
 * else answers 403 INSUFFICIENT_SCOPE (default deny).
 */
public class CallerFilter {

    private final CurrentIdentityAssociation identity;
    private final ConcurrentHashMap<Method, List<String>> scopesByOperation = new ConcurrentHashMap<>();

    public CallerFilter(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter(preMatching = false, priority = Priorities.AUTHENTICATION)
    public Uni<Void> resolveCaller(ContainerRequestContext request, ResourceInfo resource) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().map(id -> {
            Caller caller = Callers.of(id);
            if (caller.scoped() && !caller.mayUseAnyOf(scopesOf(resource))) {
                throw new ApiException(ErrorCode.INSUFFICIENT_SCOPE,
                        "This token's scopes " + caller.scopes() + " do not cover this operation.");
            }
            return null;
        });
    }

    private List<String> scopesOf(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return List.of();
        }
        return scopesByOperation.computeIfAbsent(method, m -> {
            RequiresScope scope = m.getAnnotation(RequiresScope.class);
            if (scope == null) {
                scope = resource.getResourceClass().getAnnotation(RequiresScope.class);
            }
            return scope == null ? List.of() : List.of(scope.value());
        });
    }
}
