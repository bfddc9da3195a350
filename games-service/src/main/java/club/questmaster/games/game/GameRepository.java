package club.questmaster.games.game;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
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

    /** Slugs already used that a new slug built on {@code stem} could collide with, except the game's own. */
    public Uni<List<String>> slugsStartingWith(String stem, Long exceptGameId) {
        String like = stem.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT slug FROM game WHERE slug LIKE :like AND id <> :self", String.class)
                .setParameter("like", like)
                .setParameter("self", exceptGameId == null ? -1L : exceptGameId)
                .getResultList());
    }

    /** The roster in registration order. */
    public Uni<List<String>> playerIds(long gameId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT player_id FROM game_player WHERE game_id = :id ORDER BY registered_at, player_id", String.class)
                .setParameter("id", gameId)
                .getResultList());
    }

    /** Rosters of many games in one query. */
    public Uni<Map<Long, List<String>>> playerIds(Collection<Long> gameIds) {
        if (gameIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT game_id, player_id FROM game_player WHERE game_id IN (:ids) ORDER BY registered_at, player_id",
                Object[].class)
                .setParameter("ids", List.copyOf(gameIds))
                .getResultList())
                .map(rows -> {
                    Map<Long, List<String>> byGame = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        byGame.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
                                .add((String) row[1]);
                    }
                    return byGame;
                });
    }

    /** Under the game's row lock, after the roster was read: the player is known not to be there. */
    public Uni<Void> addPlayer(long gameId, String playerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO game_player (game_id, player_id) VALUES (:game, :player)")
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

    /** One page of matching game ids in the original's order, and the total. */
    public Uni<Page> search(GameQuery q, int offset, int limit, OffsetDateTime now) {
        StringBuilder where = new StringBuilder(" WHERE g.status IN (:statuses)");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("statuses", q.statuses());
        if (q.types() != null && !q.types().isEmpty()) {
            where.append(" AND g.type IN (:types)");
            params.put("types", q.types());
        }
        if (q.restrictions() != null && !q.restrictions().isEmpty()) {
            where.append(" AND g.restriction IN (:restrictions)");
            params.put("restrictions", q.restrictions());
        }
        if (q.name() != null && !q.name().isBlank()) {
            where.append(" AND g.name ILIKE :name ESCAPE '\\'");
            params.put("name", "%" + q.name().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        if (q.systemId() != null) {
            where.append(" AND g.system_id = :system");
            params.put("system", q.systemId());
        }
        if (q.vttId() != null) {
            where.append(" AND g.vtt_id = :vtt");
            params.put("vtt", q.vttId());
        }
        if (q.specialEventId() != null) {
            where.append(" AND g.special_event_id = :event");
            params.put("event", q.specialEventId());
        }
        if (q.gmId() != null) {
            where.append(" AND g.gm_id = :gm");
            params.put("gm", q.gmId());
        }
        if (q.playerId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM game_player p WHERE p.game_id = g.id AND p.player_id = :player)");
            params.put("player", q.playerId());
        }
        if (!q.viewerIsAdmin() && q.statuses().contains("draft")) {
            if (q.viewerId() == null) {
                where.append(" AND g.status <> 'draft'");
            } else {
                where.append(" AND (g.status <> 'draft' OR g.gm_id = :viewer)");
                params.put("viewer", q.viewerId());
            }
        }
        // The original's order: status rank, then future before past, then distance from now (so upcoming games
        // soonest first, past games most recent first).
        boolean selective = q.name() != null && !q.name().isBlank() || q.systemId() != null || q.vttId() != null
                || q.specialEventId() != null || q.gmId() != null || q.playerId() != null;
        String select;
        if (selective) {
            // Few rows match: filter through the matching index, then sort them.
            select = "SELECT g.id FROM game g" + where
                    + " ORDER BY CASE g.status WHEN 'draft' THEN 0 WHEN 'open' THEN 1 WHEN 'closed' THEN 2 ELSE 3 END,"
                    + " (g.date < :now), abs(extract(epoch FROM (g.date - :now))), g.id"
                    + " LIMIT :limit OFFSET :offset";
        } else {
            // Many rows match (a whole status): the same order read from the (status, date) index, one ordered
            // range scan per status and side of now, each stopping after offset + limit rows; only those few are
            // sorted, instead of every game of the status.
            List<String> branches = new ArrayList<>();
            for (GameStatus status : GameStatus.values()) {
                if (!q.statuses().contains(status.value())) {
                    continue;
                }
                String in = where + " AND g.status = '" + status.value() + "'";
                branches.add("(SELECT g.id, " + status.rank() + " AS rank, 0 AS side, extract(epoch FROM g.date) AS k"
                        + " FROM game g" + in + " AND g.date >= :now ORDER BY g.date, g.id LIMIT :window)");
                branches.add("(SELECT g.id, " + status.rank() + " AS rank, 1 AS side, -extract(epoch FROM g.date) AS k"
                        + " FROM game g" + in + " AND g.date < :now ORDER BY g.date DESC, g.id LIMIT :window)");
            }
            select = "SELECT t.id FROM (" + String.join(" UNION ALL ", branches) + ") t"
                    + " ORDER BY t.rank, t.side, t.k, t.id LIMIT :limit OFFSET :offset";
            params.put("window", offset + limit);
        }
        String count = "SELECT count(*) FROM game g" + where;
        return Panache.getSession().chain(s -> {
            var ids = s.createNativeQuery(select, Long.class);
            params.forEach(ids::setParameter);
            ids.setParameter("now", now).setParameter("limit", limit).setParameter("offset", offset);
            var total = s.createNativeQuery(count, Long.class);
            params.forEach((name, value) -> {
                if (!name.equals("window")) {
                    total.setParameter(name, value);
                }
            });
            return ids.getResultList().chain(found -> total.getSingleResult().map(n -> new Page(found, n)));
        });
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

    public record Page(List<Long> ids, long total) {
    }
}
