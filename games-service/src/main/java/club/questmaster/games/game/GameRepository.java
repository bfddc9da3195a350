package club.questmaster.games.game;

import club.questmaster.games.seat.PlayerRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Queries on games and their rosters. */
@ApplicationScoped
public class GameRepository implements PanacheRepository<Game> {

    public Uni<Game> findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    /**
     * The game row locked FOR UPDATE: every transaction that changes a game or writes its events takes this lock
     * first, so seat-taking is safe and a game's outbox rows are numbered in commit order.
     */
    public Uni<Game> lockBySlug(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Every column of {@link Game}, for the reads on the reactive pool that build one from a row. */
    private static final String GAME_COLUMNS = "id, slug, name, type, length, gm_id, system_id, vtt_id, description,"
            + " restriction, restriction_tags, party_size, party_selection, xp, date, session_length, frequency,"
            + " characters, classification, ambience, complement, img, status, closed_reason, special_event_id,"
            + " registration_opens_at, waitlist_enabled, waitlist_offer_hours, min_players, go_no_go_at,"
            + " go_no_go_decided, cancel_reason, created_at, updated_at";

    /**
     * As {@link #lockBySlug(String)}, on a transaction of the reactive pool with no Hibernate session (the
     * registration, docs/performance.md P1): the game row locked as Hibernate's {@code PESSIMISTIC_WRITE} locks it (so
     * it waits for and holds off every other transaction that changes the game), and returned as a plain object that
     * nothing flushes (an automatic close is written by {@code Seating} itself). Null when no game has that slug.
     */
    public Uni<Game> lockBySlug(SqlConnection connection, String slug) {
        return connection.preparedQuery("SELECT " + GAME_COLUMNS + " FROM game WHERE slug = $1 FOR NO KEY UPDATE")
                .execute(Tuple.of(slug))
                .map(rows -> rows.size() == 0 ? null : game(rows.iterator().next()));
    }

    private static Game game(Row r) {
        Game g = new Game();
        g.id = r.getLong("id");
        g.slug = r.getString("slug");
        g.name = r.getString("name");
        g.type = r.getString("type");
        g.length = r.getString("length");
        g.gmId = r.getString("gm_id");
        g.systemId = r.getLong("system_id");
        g.vttId = r.getLong("vtt_id");
        g.description = r.getString("description");
        g.restriction = r.getString("restriction");
        g.restrictionTags = r.getString("restriction_tags");
        g.partySize = r.getInteger("party_size");
        g.partySelection = r.getBoolean("party_selection");
        g.xp = r.getString("xp");
        g.date = r.getOffsetDateTime("date");
        g.sessionLength = r.getBigDecimal("session_length");
        g.frequency = r.getString("frequency");
        g.characters = r.getString("characters");
        g.classification = classification(r.getValue("classification"));
        g.ambience = r.getArrayOfStrings("ambience");
        g.complement = r.getString("complement");
        g.img = r.getString("img");
        g.status = r.getString("status");
        g.closedReason = r.getString("closed_reason");
        g.specialEventId = r.getLong("special_event_id");
        g.registrationOpensAt = r.getOffsetDateTime("registration_opens_at");
        g.waitlistEnabled = r.getBoolean("waitlist_enabled");
        g.waitlistOfferHours = r.getInteger("waitlist_offer_hours");
        g.minPlayers = r.getInteger("min_players");
        g.goNoGoAt = r.getOffsetDateTime("go_no_go_at");
        g.goNoGoDecided = r.getBoolean("go_no_go_decided");
        g.cancelReason = r.getString("cancel_reason");
        g.createdAt = r.getOffsetDateTime("created_at");
        g.updatedAt = r.getOffsetDateTime("updated_at");
        return g;
    }

    /**
     * The open or closed games where the user holds a seat or a place in the queue, their rows locked FOR UPDATE in id
     * order (the erasure frees those seats the way every seat change does: the lock first, then the queue offered).
     */
    public Uni<List<Long>> lockGamesHeldBy(String userId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT g.id FROM game g WHERE g.status IN ('open', 'closed')"
                        + " AND (EXISTS (SELECT 1 FROM game_player p WHERE p.game_id = g.id AND p.player_id = :user)"
                        + " OR EXISTS (SELECT 1 FROM waitlist_entry w WHERE w.game_id = g.id AND w.player_id = :user))"
                        + " ORDER BY g.id FOR UPDATE OF g", Long.class)
                .setParameter("user", userId)
                .getResultList());
    }

    /** Writes the game's status, closed reason and update time (an automatic close or reopen). */
    public Uni<Void> writeStatus(Game game) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE game SET status = :status, closed_reason = NULLIF(:reason, ''), updated_at = :updated"
                        + " WHERE id = :id")
                .setParameter("status", game.status)
                // an empty string for none: a null parameter would leave PostgreSQL without its type
                .setParameter("reason", game.closedReason == null ? "" : game.closedReason)
                .setParameter("updated", game.updatedAt)
                .setParameter("id", game.id)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Slugs already used that a new slug built on {@code stem} could collide with, except the game's own. */
    public Uni<List<String>> slugsStartingWith(String stem, Long exceptGameId) {
        String like = stem.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT slug FROM game WHERE slug LIKE :like AND id <> :self", String.class)
                .setParameter("like", like)
                .setParameter("self", exceptGameId == null ? -1L : exceptGameId)
                .getResultList());
    }

    /**
     * The roster in registration order. In HQL over {@link PlayerRow}: Hibernate Reactive never reuses a native
     * select's plan (see SeatRepository), and the roster is read on most requests.
     */
    public Uni<List<String>> playerIds(long gameId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select p.playerId from PlayerRow p"
                + " where p.gameId = :id order by p.registeredAt, p.playerId", String.class)
                .setParameter("id", gameId)
                .getResultList());
    }

    /** Rosters of many games in one query. */
    public Uni<Map<Long, List<String>>> playerIds(Collection<Long> gameIds) {
        if (gameIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery("select p.gameId, p.playerId from PlayerRow p"
                + " where p.gameId in :ids order by p.registeredAt, p.playerId", Object[].class)
                .setParameter("ids", List.copyOf(gameIds))
                .getResultList())
                .map(rows -> {
                    Map<Long, List<String>> byGame = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        byGame.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
                    }
                    return byGame;
                });
    }

    /**
     * Under the game's row lock, after the roster was read: the player is known not to be there. Stamped with the
     * clock at the insert, not the transaction's start ({@code now()}): under the lock that is the order seats are
     * taken, so the roster a seat change holds in memory (the new player last) is the roster's order in the table.
     */
    public Uni<Void> addPlayer(long gameId, String playerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO game_player (game_id, player_id, registered_at)"
                        + " VALUES (:game, :player, clock_timestamp())")
                .setParameter("game", gameId)
                .setParameter("player", playerId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Under the game's row lock, after the roster was read: the player is known to be there. */
    public Uni<Void> removePlayer(long gameId, String playerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "DELETE FROM game_player WHERE game_id = :game AND player_id = :player")
                .setParameter("game", gameId)
                .setParameter("player", playerId)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<Game>> findByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids);
    }

    /** The classification column's JSON object as the API's map (null for none). */
    static Map<String, Integer> classification(Object json) {
        if (!(json instanceof JsonObject object)) {
            return null;
        }
        Map<String, Integer> map = new LinkedHashMap<>();
        object.forEach(e -> map.put(e.getKey(), e.getValue() == null ? null : ((Number) e.getValue()).intValue()));
        return map;
    }

    public Uni<Void> saveAlert(long gameId, String reporterId, String message) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO game_alert (game_id, reporter_id, message) VALUES (:game, :reporter, :message)")
                .setParameter("game", gameId)
                .setParameter("reporter", reporterId)
                .setParameter("message", message)
                .executeUpdate())
                .replaceWithVoid();
    }

}
