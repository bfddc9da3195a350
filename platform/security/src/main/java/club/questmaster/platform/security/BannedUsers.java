package club.questmaster.platform.security;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The ids of banned users, held in memory for the per-request check and reloaded from the projection every second
 * (every replica reloads, whichever one consumed the event), so a ban bites everywhere within about 1-2 s.
 */
@ApplicationScoped
public class BannedUsers {

    private static final Logger LOG = Logger.getLogger(BannedUsers.class);

    private final BannedUserSource source;
    private volatile Set<String> ids = Set.of();

    public BannedUsers(BannedUserSource source) {
        this.source = source;
    }

    public boolean isBanned(String userId) {
        return userId != null && ids.contains(userId);
    }

    @Scheduled(every = "${questmaster.banned-users.refresh:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return source.bannedIds()
                .invoke(list -> ids = Set.copyOf(list))
                .onFailure().invoke(e -> LOG.debugf("Banned users not refreshed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Called after a projection change on this replica: no need to wait for the next tick. */
    void refreshSoon() {
        refresh().subscribe().with(ignored -> { }, e -> { });
    }
}
