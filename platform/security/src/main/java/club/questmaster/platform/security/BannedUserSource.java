package club.questmaster.platform.security;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/** Where the banned ids come from: the users projection by default; users-service supplies its own table. */
public interface BannedUserSource {

    Uni<List<String>> bannedIds();

    @ApplicationScoped
    class Defaults {
        @Produces
        @DefaultBean
        @ApplicationScoped
        BannedUserSource fromProjection(UserDirectory directory) {
            return directory::bannedIds;
        }
    }
}
