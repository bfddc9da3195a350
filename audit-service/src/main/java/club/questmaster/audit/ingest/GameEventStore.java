package club.questmaster.audit.ingest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a consumed batch: all its timeline rows in one multi-row insert and the game owners it names in one
 * upsert, both in one statement (so one transaction, one round trip). Set operations on arrays ({@code unnest}),
 * so a batch of 500 costs the same single statement as a batch of 1.
 * Uses the reactive SQL client directly: there is no entity state to manage, only rows to add.
 */
@ApplicationScoped
public class GameEventStore {

    /**
     * One statement, hence one transaction and one round trip: the timeline rows (a redelivered event hits
     * game_event_event_id_key and is skipped, also twice within one batch) and the owners, last writer winning on
     * the event time so that a late or replayed older event never hands a game back.
     * <p>
     * An event about an erased user (api.md §8) can still arrive: written by games-service just before the erasure,
     * or read from game-events after the erasure was read from user-events. Its row is stored without the user's id.
     * The authors' rows of the users projection are locked FOR SHARE until the statement commits, which settles a
     * concurrent erasure either way: committed first, it is seen here; otherwise its update of that row (whose
     * trigger erases the timeline, migration V4) waits for these rows to be committed, and then erases them too.
     * Rows keep the batch's order ({@code ordinality}), so that events with the same time keep their order by id.
     */
    private static final String STORE_BATCH = """
            WITH incoming AS (
                SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::bigint[], $5::text[],
                                     $6::text[], $7::text[]) WITH ORDINALITY
                       AS i (event_id, timestamp, action, game_id, game_slug, description, user_id, position)
            ), authors AS (
                SELECT k.id, k.erased FROM known_user k WHERE k.id IN (SELECT user_id FROM incoming) FOR SHARE
            ), new_events AS (
                INSERT INTO game_event (event_id, timestamp, action, game_id, game_slug, description, user_id)
                SELECT i.event_id, i.timestamp, i.action, i.game_id, i.game_slug, i.description,
                       CASE WHEN a.erased THEN NULL ELSE i.user_id END
                  FROM incoming i LEFT JOIN authors a ON a.id = i.user_id
                 ORDER BY i.position
                ON CONFLICT (event_id) DO NOTHING
                RETURNING 1
            ), owners AS (
                INSERT INTO game_owner (game_id, gm_id, game_slug, updated_at)
                SELECT * FROM unnest($8::bigint[], $9::text[], $10::text[], $11::timestamptz[])
                ON CONFLICT (game_id) DO UPDATE
                   SET gm_id = EXCLUDED.gm_id, game_slug = EXCLUDED.game_slug, updated_at = EXCLUDED.updated_at
                 WHERE game_owner.updated_at <= EXCLUDED.updated_at
            )
            SELECT count(*) FROM new_events""";

    private final Pool pool;

    public GameEventStore(Pool pool) {
        this.pool = pool;
    }

    /** @return how many of the events were new (the others were already stored) */
    public Uni<Integer> store(List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = events.size();
        UUID[] eventIds = new UUID[n];
        OffsetDateTime[] timestamps = new OffsetDateTime[n];
        String[] actions = new String[n];
        Long[] gameIds = new Long[n];
        String[] slugs = new String[n];
        String[] descriptions = new String[n];
        String[] userIds = new String[n];
        for (int i = 0; i < n; i++) {
            ReceivedEvent e = events.get(i);
            eventIds[i] = e.eventId();
            timestamps[i] = e.timestamp();
            actions[i] = e.action();
            gameIds[i] = e.gameId();
            slugs[i] = e.gameSlug();
            descriptions[i] = e.description();
            userIds[i] = e.userId();
        }
        Tuple parameters = Tuple.tuple().addArrayOfUUID(eventIds).addArrayOfOffsetDateTime(timestamps)
                .addArrayOfString(actions).addArrayOfLong(gameIds).addArrayOfString(slugs)
                .addArrayOfString(descriptions).addArrayOfString(userIds);
        addOwners(parameters, events);
        return pool.preparedQuery(STORE_BATCH).execute(parameters)
                .map(result -> result.iterator().next().getLong(0).intValue());
    }

    /** One row per game (an upsert may not touch a row twice): the latest event of each game in the batch. */
    private static void addOwners(Tuple parameters, List<ReceivedEvent> events) {
        Map<Long, ReceivedEvent> latest = new LinkedHashMap<>();
        for (ReceivedEvent e : events) {
            latest.merge(e.gameId(), e, (kept, next) -> next.timestamp().isBefore(kept.timestamp()) ? kept : next);
        }
        int n = latest.size();
        Long[] gameIds = new Long[n];
        String[] gmIds = new String[n];
        String[] slugs = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        int i = 0;
        for (ReceivedEvent e : latest.values()) {
            gameIds[i] = e.gameId();
            gmIds[i] = e.gmId();
            slugs[i] = e.gameSlug();
            times[i] = e.timestamp();
            i++;
        }
        parameters.addArrayOfLong(gameIds).addArrayOfString(gmIds).addArrayOfString(slugs)
                .addArrayOfOffsetDateTime(times);
    }
}
