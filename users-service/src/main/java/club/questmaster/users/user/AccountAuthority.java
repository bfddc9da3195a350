package club.questmaster.users.user;

import club.questmaster.platform.security.Authority;
import club.questmaster.platform.security.AuthoritySource;
import club.questmaster.platform.security.Permission;
import club.questmaster.platform.security.Role;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Set;

/**
 * users-service owns the users, so its callers' authority comes from {@code app_user} (roles, ban, deletion) and from
 * its sessions and API tokens, not from a projection. Reactive SQL client on a connection of its own, released
 * before the endpoint's Hibernate session opens; read on every request (config {@code questmaster.authority.cache-ttl=0}),
 * so a change bites on the next request.
 */
@ApplicationScoped
public class AccountAuthority {

    /**
     * The revoked sessions are this service's own: login sessions ({@code user_session}) and API tokens' sessions
     * ({@code api_token}), both revoked in the transaction that publishes {@code session.revoked}, so a kick bites
     * here at the next request; the purge forgets them a day after they ended, long after their last token expired.
     */
    private static final String QUERY = "SELECT u.id IS NOT NULL AS known, u.roles, u.permissions, u.banned,"
            + " u.deleted_at IS NOT NULL AS deleted,"
            + " ARRAY(SELECT s.id::text FROM user_session s WHERE s.user_id = $1 AND s.revoked_at IS NOT NULL"
            + " UNION ALL SELECT t.session_id::text FROM api_token t WHERE t.user_id = $1 AND t.revoked_at IS NOT NULL)"
            + " AS revoked FROM (SELECT 1) AS one LEFT JOIN app_user u ON u.id = $1";

    @Produces
    @ApplicationScoped
    AuthoritySource fromAccounts(Pool pool) {
        return userId -> pool.preparedQuery(QUERY).execute(Tuple.of(userId)).map(rows -> read(rows.iterator().next()));
    }

    private static Authority read(Row row) {
        Set<String> revoked = Set.of(row.getArrayOfStrings("revoked"));
        if (!row.getBoolean("known")) {
            return new Authority(false, Set.of(), Set.of(), false, false, revoked);
        }
        return new Authority(true, Role.fromClaims(Roles.parse(row.getString("roles"))),
                Permission.fromClaims(Permissions.parse(row.getString("permissions"))), row.getBoolean("banned"),
                row.getBoolean("deleted"), revoked);
    }
}
