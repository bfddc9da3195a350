package club.questmaster.platform.security;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Where a service reads its callers' authority: its users projection by default; users-service, which owns the users,
 * supplies its own tables. Implementations use the reactive SQL client on a pool connection of their own, released
 * before any Hibernate session of the request opens.
 */
public interface AuthoritySource {

    Uni<Authority> find(String userId);

    @ApplicationScoped
    class Defaults {
        @Produces
        @DefaultBean
        @ApplicationScoped
        AuthoritySource fromProjection(UserDirectory directory) {
            return directory::authority;
        }
    }
}
