package club.questmaster.games.game;

import club.questmaster.platform.security.Role;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller as an {@link Actor}, resolved without blocking: authentication is lazy, so the identity is awaited
 * as a {@code Uni} (reading it synchronously on the event loop is not allowed). A bad token fails the Uni (401).
 */
@ApplicationScoped
public class Actors {

    private final CurrentIdentityAssociation identity;

    public Actors(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    public Uni<Actor> current() {
        return identity.getDeferredIdentity().map(Actors::of);
    }

    static Actor of(SecurityIdentity id) {
        if (id == null || id.isAnonymous() || !(id.getPrincipal() instanceof JsonWebToken jwt)) {
            return Actor.ANONYMOUS;
        }
        String username = jwt.getClaim("preferred_username");
        return new Actor(jwt.getSubject(), username != null ? username : jwt.getSubject(),
                Role.highest(id.getRoles()).orElse(null));
    }
}
