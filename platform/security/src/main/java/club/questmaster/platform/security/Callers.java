package club.questmaster.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way to get the caller: resources call {@link #current()} and pass the {@link Caller} down. It never blocks
 * (authentication is lazy, so the identity is awaited as a {@code Uni}); a refused token fails it with its
 * problem+json.
 */
@ApplicationScoped
public class Callers {

    private final CurrentIdentityAssociation identity;

    public Callers(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    public Uni<Caller> current() {
        return identity.getDeferredIdentity().map(Callers::of);
    }

    /** The caller an identity stands for: anonymous unless it was built from a token. */
    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        Caller caller = identity.getAttribute(CallerAugmentor.CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("The identity of " + identity.getPrincipal().getName()
                    + " was not resolved by CallerAugmentor");
        }
        return caller;
    }
}
