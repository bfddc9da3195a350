package club.questmaster.users.user;

import club.questmaster.platform.security.BannedUserSource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.ArrayList;
import java.util.List;

/**
 * users-service owns the users, so the platform's banned-token filter reads the banned ids from {@code app_user}
 * rather than from a projection (reactive SQL client: it runs on a scheduler tick, outside any Hibernate session).
 */
@ApplicationScoped
public class BannedAccounts {

    @Produces
    @ApplicationScoped
    BannedUserSource fromAccounts(Pool pool) {
        return () -> pool.query("SELECT id FROM app_user WHERE banned AND deleted_at IS NULL").execute().map(rows -> {
            List<String> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getString(0)));
            return ids;
        });
    }
}
