package club.questmaster.trophies.awards;

import club.questmaster.trophies.holding.UserTrophyRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gives the badges of a batch of archives in one statement, hence one transaction and one round trip, exactly once per
 * event and once per game: each event id is marked processed ({@code processed_event}, consumer
 * {@code trophies-awards}), each game claimed ({@code game_award}, the first archive of a game in the batch wins), and
 * only the claimed archives' badges are given, with the award rule (docs/original-rules.md#award-rules): a first award
 * creates the holding at 1, a later one adds 1, a unique trophy stays at 1. A user who gets the same badge from several
 * archives of the batch gets it that many times. An erased user gets nothing (V30's trigger skips the row).
 *
 * <p>Set operations on arrays ({@code unnest}), so a batch of 500 costs the same single statement as a batch of 1. Uses
 * the reactive SQL client directly: there is no entity state to manage, only rows to add.
 */
@ApplicationScoped
public class ArchiveAwardStore {

    static final String CONSUMER = "trophies-awards";

    /**
     * $1..$2: the archives (event id, game id) in consumption order; $3..$5: their badges (event id, user id, trophy
     * id); $6: the consumer name. A trophy that does not exist is routed to the counting insert, whose foreign key then
     * refuses it (class 23: retried, then dead-lettered, docs/consumers.md), never skipped silently.
     */
    private static final String AWARD_BATCH = """
            WITH archive AS (
                SELECT * FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS a(event_id, game_id, n)
            ), fresh AS (
                INSERT INTO processed_event (consumer, event_id)
                SELECT $6, event_id FROM archive ORDER BY n
                ON CONFLICT DO NOTHING
                RETURNING event_id
            ), claimed AS (
                INSERT INTO game_award (game_id, event_id)
                SELECT a.game_id, a.event_id FROM archive a JOIN fresh f USING (event_id) ORDER BY a.n
                ON CONFLICT DO NOTHING
                RETURNING event_id
            ), given AS (
                SELECT b.user_id, b.trophy_id, count(*) AS times, coalesce(bool_or(t.is_unique), false) AS is_unique
                  FROM unnest($3::uuid[], $4::text[], $5::bigint[]) AS b(event_id, user_id, trophy_id)
                  JOIN claimed c USING (event_id)
                  LEFT JOIN trophy t ON t.id = b.trophy_id
                 GROUP BY b.user_id, b.trophy_id
            ), counted AS (
                INSERT INTO user_trophy (user_id, trophy_id, quantity)
                SELECT user_id, trophy_id, LEAST(times, %1$d) FROM given WHERE NOT is_unique ORDER BY user_id, trophy_id
                ON CONFLICT (user_id, trophy_id)
                DO UPDATE SET quantity = LEAST(user_trophy.quantity + EXCLUDED.quantity, %1$d)
                RETURNING 1
            ), held_once AS (
                INSERT INTO user_trophy (user_id, trophy_id, quantity)
                SELECT user_id, trophy_id, 1 FROM given WHERE is_unique ORDER BY user_id, trophy_id
                ON CONFLICT (user_id, trophy_id) DO NOTHING
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM claimed) AS games,
                   (SELECT count(*) FROM counted) + (SELECT count(*) FROM held_once) AS holdings""".formatted(
            UserTrophyRepository.MAX_QUANTITY);

    private final Pool pool;

    public ArchiveAwardStore(Pool pool) {
        this.pool = pool;
    }

    /** What one statement did: archived games whose badges it gave, holdings it created or counted up. */
    public record Given(int games, int holdings) {
    }

    public Uni<Given> award(List<ArchiveAward> awards) {
        // One archive per event id: a redelivery within the batch must not count its badges twice.
        Map<UUID, ArchiveAward> byEvent = new LinkedHashMap<>();
        awards.forEach(a -> byEvent.putIfAbsent(a.eventId(), a));
        if (byEvent.isEmpty()) {
            return Uni.createFrom().item(new Given(0, 0));
        }
        List<UUID> eventIds = new ArrayList<>(byEvent.size());
        List<String> gameIds = new ArrayList<>(byEvent.size());
        List<UUID> badgeEvents = new ArrayList<>();
        List<String> badgeUsers = new ArrayList<>();
        List<Long> badgeTrophies = new ArrayList<>();
        for (ArchiveAward a : byEvent.values()) {
            eventIds.add(a.eventId());
            gameIds.add(a.gameId());
            badgeEvents.add(a.eventId());
            badgeUsers.add(a.gmId());
            badgeTrophies.add(a.gmTrophyId());
            for (String player : a.playerIds()) {
                badgeEvents.add(a.eventId());
                badgeUsers.add(player);
                badgeTrophies.add(a.playerTrophyId());
            }
        }
        Tuple parameters = Tuple.tuple().addArrayOfUUID(eventIds.toArray(UUID[]::new))
                .addArrayOfString(gameIds.toArray(String[]::new))
                .addArrayOfUUID(badgeEvents.toArray(UUID[]::new))
                .addArrayOfString(badgeUsers.toArray(String[]::new))
                .addArrayOfLong(badgeTrophies.toArray(Long[]::new))
                .addString(CONSUMER);
        return pool.preparedQuery(AWARD_BATCH).execute(parameters).map(rows -> {
            var row = rows.iterator().next();
            return new Given(row.getLong("games").intValue(), row.getLong("holdings").intValue());
        });
    }
}
