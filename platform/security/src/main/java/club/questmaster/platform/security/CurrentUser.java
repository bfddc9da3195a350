package club.questmaster.platform.security;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, read from their verified access token. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean authenticated() {
        return !identity.isAnonymous();
    }

    /** The user id ({@code sub}); 401 when anonymous. */
    public String id() {
        return token().getSubject();
    }

    public Optional<String> idIfAuthenticated() {
        return authenticated() ? Optional.ofNullable(token().getSubject()) : Optional.empty();
    }

    public String username() {
        String username = token().getClaim("preferred_username");
        return username != null ? username : token().getSubject();
    }

    public String name() {
        String name = token().getClaim("name");
        return name != null ? name : username();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean has(Role role) {
        return identity.hasRole(role.claim());
    }

    /** Holds this role or a higher one. */
    public boolean atLeast(Role role) {
        return highest().map(r -> r.atLeast(role)).orElse(false);
    }

    public Optional<Role> highest() {
        return Role.highest(identity.getRoles());
    }

    public boolean isAdmin() {
        return atLeast(Role.ADMIN);
    }

    private JsonWebToken token() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required.");
        }
        return jwt;
    }
}
