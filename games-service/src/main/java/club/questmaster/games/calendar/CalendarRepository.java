package club.questmaster.games.calendar;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/** Sessions joined with their (non-draft) game, for calendars and stats. */
@ApplicationScoped
public class CalendarRepository {

    /** A session with what the calendars and stats show of its game. */
    public record SessionRow(long id, OffsetDateTime start, OffsetDateTime end, long gameId, String name, String type,
            String slug, String gmId, long systemId, String status) {
    }

    private static final String SELECT = "select s.id, s.startsAt, s.endsAt, g.id, g.name, g.type, g.slug, g.gmId,"
            + " g.systemId, g.status from GameSession s, Game g where g.id = s.gameId and g.status <> 'draft'";

    /** Sessions lying fully inside [from, to]. */
    public Uni<List<SessionRow>> inside(OffsetDateTime from, OffsetDateTime to) {
        return query(SELECT + " and s.startsAt >= :from and s.endsAt <= :to order by s.startsAt, s.id", q -> q
                .setParameter("from", from).setParameter("to", to));
    }

    /** Every session of the non-draft games matching the filters (null = no filter), by game then start. */
    public Uni<List<SessionRow>> feed(String gmId, List<Long> gameIds, String slug) {
        StringBuilder hql = new StringBuilder(SELECT);
        if (gmId != null) {
            hql.append(" and g.gmId = :gm");
        }
        if (gameIds != null) {
            hql.append(" and g.id in :ids");
        }
        if (slug != null) {
            hql.append(" and g.slug = :slug");
        }
        hql.append(" order by g.id, s.startsAt, s.id");
        return query(hql.toString(), q -> {
            if (gmId != null) {
                q.setParameter("gm", gmId);
            }
            if (gameIds != null) {
                q.setParameter("ids", gameIds);
            }
            if (slug != null) {
                q.setParameter("slug", slug);
            }
        });
    }

    /** Ids of the games a player is registered to. */
    public Uni<List<Long>> gamesOfPlayer(String playerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT game_id FROM game_player WHERE player_id = :p", Long.class)
                .setParameter("p", playerId).getResultList());
    }

    private Uni<List<SessionRow>> query(String hql,
            java.util.function.Consumer<org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<Object[]>> params) {
        return Panache.getSession().chain(s -> {
            var q = s.createSelectionQuery(hql, Object[].class);
            params.accept(q);
            return q.getResultList();
        }).map(rows -> rows.stream().map(r -> new SessionRow((Long) r[0], (OffsetDateTime) r[1],
                (OffsetDateTime) r[2], (Long) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                (Long) r[8], (String) r[9])).toList());
    }
}
