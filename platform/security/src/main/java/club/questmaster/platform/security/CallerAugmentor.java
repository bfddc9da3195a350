package club.questmaster.platform.security;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Resolves the {@link Caller} once per request, when Quarkus builds the identity from a verified JWT: reads the user's
 * {@link Authority} (cached briefly), applies {@link CallerRules}, and rebuilds the identity with the roles and
 * permissions in force, so that {@code @RolesAllowed} and {@code @PermissionsAllowed} obey the projection rather
 * than the token. A refused token (banned, deleted, revoked session) fails the identity: the request ends with its
 * problem+json before any endpoint, and before any Hibernate session, opens.
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    /** The identity attribute holding the resolved {@link Caller}. */
    public static final String CALLER_ATTRIBUTE = "questmaster.caller";

    private static final Logger LOG = Logger.getLogger(CallerAugmentor.class);

    private final Authorities authorities;

    public CallerAugmentor(Authorities authorities) {
        this.authorities = authorities;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        TokenClaims token = TokenClaims.of(jwt, identity.getRoles());
        if (token.userId() == null || token.userId().isBlank()) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.UNAUTHENTICATED, "The token has no subject."));
        }
        return authorities.of(token.userId())
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> {
                    LOG.warnf("Authority of %s not readable: %s", token.userId(), e.toString());
                    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Authorisation is unavailable; retry.");
                })
                .map(authority -> withCaller(identity, CallerRules.resolve(token, authority)));
    }

    private static SecurityIdentity withCaller(SecurityIdentity identity, Caller caller) {
        Set<Permission> held = caller.admin() ? EnumSet.allOf(Permission.class) : caller.permissions();
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(Set.copyOf(caller.roleNames()))
                .addPermissionsAsString(held.stream().map(Permission::claim).collect(Collectors.toSet()))
                .addAttribute(CALLER_ATTRIBUTE, caller)
                .build();
    }
}
