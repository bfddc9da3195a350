package club.questmaster.platform.security;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and writes this service's users projection ({@code known_user}, {@code revoked_session}). Uses the reactive
 * SQL client directly: it runs in the caller's resolution and in consumers, outside any Hibernate session, each
 * statement on a pool connection taken and given back at once.
 */
@ApplicationScoped
public class UserDirectory {

    private static final String COLUMNS = "id, name, username, roles, banned, deleted, not_player_as_of";

    /** One round trip: the user's row (if any) and their revoked sessions. */
    private static final String AUTHORITY = "SELECT k.id IS NOT NULL AS known, k.roles, k.permissions, k.banned,"
            + " k.deleted, ARRAY(SELECT r.session_id FROM revoked_session r WHERE r.user_id = $1) AS revoked"
            + " FROM (SELECT 1) AS one LEFT JOIN known_user k ON k.id = $1";

    private final Pool pool;

    public UserDirectory(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<KnownUser>> find(String id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM known_user WHERE id = $1 AND NOT deleted")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(read(rows.iterator().next())));
    }

    /** The known, non-deleted users among these ids, by id. */
    public Uni<Map<String, KnownUser>> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM known_user WHERE id = ANY($1) AND NOT deleted")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, KnownUser> users = new LinkedHashMap<>();
                    rows.forEach(row -> {
                        KnownUser user = read(row);
                        users.put(user.id(), user);
                    });
                    return users;
                });
    }

    /** What the projection says of this user's powers ({@link Authority#UNKNOWN} flags when it has no row). */
    public Uni<Authority> authority(String userId) {
        return pool.preparedQuery(AUTHORITY).execute(Tuple.of(userId)).map(rows -> {
            Row row = rows.iterator().next();
            Set<String> revoked = Set.of(row.getArrayOfStrings("revoked"));
            if (!row.getBoolean("known")) {
                return revoked.isEmpty() ? Authority.UNKNOWN
                        : new Authority(false, Set.of(), Set.of(), false, false, revoked);
            }
            return new Authority(true, Role.fromClaims(strings(row, "roles")),
                    Permission.fromClaims(strings(row, "permissions")), row.getBoolean("banned"),
                    row.getBoolean("deleted"), revoked);
        });
    }

    /**
     * Applies a snapshot unless a newer one is already there, or the user was erased (erasure is final). A snapshot
     * without {@code permissions} (a v1 producer's) keeps the stored permissions.
     */
    public Uni<Void> apply(KnownUser user, List<String> permissions, OffsetDateTime occurredAt, UUID eventId) {
        return pool.preparedQuery("INSERT INTO known_user (" + COLUMNS + ", permissions, last_event_at, last_event_id)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::text[], '{}'), $9, $10)"
                + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, username = EXCLUDED.username,"
                + " roles = EXCLUDED.roles, banned = EXCLUDED.banned, deleted = EXCLUDED.deleted,"
                + " not_player_as_of = EXCLUDED.not_player_as_of,"
                + " permissions = COALESCE($8::text[], known_user.permissions),"
                + " last_event_at = EXCLUDED.last_event_at, last_event_id = EXCLUDED.last_event_id"
                + " WHERE NOT known_user.erased AND known_user.last_event_at <= EXCLUDED.last_event_at")
                .execute(Tuple.from(Arrays.asList(user.id(), user.name(), user.username(),
                        user.roles().toArray(String[]::new), user.banned(), user.deleted(), user.notPlayerAsOf(),
                        permissions == null ? null : permissions.toArray(String[]::new), occurredAt, eventId)))
                .replaceWithVoid();
    }

    /**
     * Forgets everything about the user but the id, marked deleted and erased so that their tokens stay refused and
     * no snapshot, however replayed, brings anything back.
     */
    public Uni<Void> erase(String userId, OffsetDateTime occurredAt, UUID eventId) {
        return pool.preparedQuery("INSERT INTO known_user (id, name, username, roles, permissions, banned, deleted,"
                + " erased, not_player_as_of, last_event_at, last_event_id)"
                + " VALUES ($1, NULL, NULL, '{}', '{}', FALSE, TRUE, TRUE, NULL, $2, $3)"
                + " ON CONFLICT (id) DO UPDATE SET name = NULL, username = NULL, roles = '{}', permissions = '{}',"
                + " banned = FALSE, deleted = TRUE, erased = TRUE, not_player_as_of = NULL,"
                + " last_event_at = GREATEST(known_user.last_event_at, EXCLUDED.last_event_at),"
                + " last_event_id = EXCLUDED.last_event_id")
                .execute(Tuple.of(userId, occurredAt, eventId))
                .replaceWithVoid();
    }

    /** Tokens carrying this session id are refused from now on (idempotent). */
    public Uni<Void> revokeSession(String userId, String sessionId, OffsetDateTime revokedAt) {
        return pool.preparedQuery("INSERT INTO revoked_session (user_id, session_id, revoked_at) VALUES ($1, $2, $3)"
                + " ON CONFLICT (user_id, session_id) DO NOTHING")
                .execute(Tuple.of(userId, sessionId, revokedAt))
                .replaceWithVoid();
    }

    /** Drops revoked sessions older than this: no token of theirs can still be alive. */
    public Uni<Integer> purgeRevokedSessions(OffsetDateTime before) {
        return pool.preparedQuery("DELETE FROM revoked_session WHERE revoked_at < $1")
                .execute(Tuple.of(before))
                .map(rows -> rows.rowCount());
    }

    private static List<String> strings(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? List.of() : List.of(values);
    }

    private static KnownUser read(Row row) {
        return new KnownUser(row.getString("id"), row.getString("name"), row.getString("username"),
                strings(row, "roles"), row.getBoolean("banned"), row.getBoolean("deleted"),
                row.getOffsetDateTime("not_player_as_of"));
    }
}
