package club.questmaster.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;

/**
 * The request-scoped view of the {@link Caller}, kept only until users-service's resources take the caller from
 * {@link Callers#current()} like every other service (then it goes).
 *
 * @deprecated inject {@link Callers} in the resource and pass the {@link Caller} down.
 */
@Deprecated(forRemoval = true)
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    private Caller caller() {
        return Callers.of(identity);
    }

    public boolean authenticated() {
        return caller().authenticated();
    }

    /** The user id ({@code sub}); 401 when anonymous. */
    public String id() {
        return caller().requireAuthenticated().id();
    }

    public Optional<String> idIfAuthenticated() {
        return Optional.ofNullable(caller().id());
    }

    public String username() {
        return caller().requireAuthenticated().username();
    }

    public String name() {
        return caller().requireAuthenticated().name();
    }

    public Set<String> roles() {
        return Set.copyOf(caller().roleNames());
    }

    public boolean atLeast(Role role) {
        return caller().atLeast(role);
    }

    public Optional<Role> highest() {
        return caller().highest();
    }

    public boolean isAdmin() {
        return caller().admin();
    }
}
