package club.questmaster.platform.security;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes this service's users projection ({@code known_user}). Uses the reactive SQL client directly: it
 * runs in filters and consumers, outside any Hibernate session.
 */
@ApplicationScoped
public class UserDirectory {

    private static final String COLUMNS = "id, name, username, roles, banned, deleted, not_player_as_of";

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

    public Uni<List<String>> bannedIds() {
        return pool.query("SELECT id FROM known_user WHERE banned").execute().map(rows -> {
            List<String> ids = new ArrayList<>();
            rows.forEach(row -> ids.add(row.getString(0)));
            return ids;
        });
    }

    /** Applies a snapshot unless a newer one is already there. */
    public Uni<Void> apply(KnownUser user, OffsetDateTime occurredAt, java.util.UUID eventId) {
        return pool.preparedQuery("INSERT INTO known_user (" + COLUMNS + ", last_event_at, last_event_id)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, username = EXCLUDED.username,"
                + " roles = EXCLUDED.roles, banned = EXCLUDED.banned, deleted = EXCLUDED.deleted,"
                + " not_player_as_of = EXCLUDED.not_player_as_of, last_event_at = EXCLUDED.last_event_at,"
                + " last_event_id = EXCLUDED.last_event_id"
                + " WHERE known_user.last_event_at <= EXCLUDED.last_event_at")
                .execute(Tuple.from(Arrays.asList(user.id(), user.name(), user.username(),
                        user.roles().toArray(String[]::new), user.banned(), user.deleted(), user.notPlayerAsOf(),
                        occurredAt, eventId)))
                .replaceWithVoid();
    }

    private static KnownUser read(Row row) {
        String[] roles = row.getArrayOfStrings("roles");
        return new KnownUser(row.getString("id"), row.getString("name"), row.getString("username"),
                roles == null ? List.of() : List.of(roles), row.getBoolean("banned"), row.getBoolean("deleted"),
                row.getOffsetDateTime("not_player_as_of"));
    }
}
