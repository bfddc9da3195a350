package club.questmaster.games.game;

import club.questmaster.games.game.GameView.SessionView;
import club.questmaster.games.seat.SeatRules;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages of {@code GET /api/v1/games}: one statement each ({@link ListQuery}) on the reactive pool directly, no
 * Hibernate session, no entity hydration.
 */
@ApplicationScoped
public class GameListRepository {

    private final Pool pool;

    public GameListRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * One page of the list, in the original's order (docs/original-rules.md#list-order), with its exact total, in one
     * statement: the page's games with their rosters and sessions (arrays, so no entity is loaded) and the total,
     * which for the status, type and restriction filters is a sum over {@code game_count} (kept by triggers, V20)
     * instead of a count of every matching game.
     */
    public Uni<ListPage> page(GameQuery q, int offset, int limit) {
        ListQuery sql = ListQuery.of(q, offset, limit);
        return pool.preparedQuery(sql.text()).execute(Tuple.from(sql.params())).map(rows -> {
            Columns c = Columns.of(rows);
            List<GameView> items = new ArrayList<>(limit);
            long total = 0;
            for (Row row : rows) {
                total = row.getLong(c.total);
                if (row.getValue(c.id) != null) {
                    items.add(view(row, c));
                }
            }
            return new ListPage(items, total);
        });
    }

    /** A page of the list and the number of games matching its filters. */
    public record ListPage(List<GameView> items, long total) {
    }

    private static GameView view(Row r, Columns c) {
        String[] players = r.getArrayOfStrings(c.playerIds);
        Long[] sessionIds = r.getArrayOfLongs(c.sessionIds);
        List<SessionView> sessions = List.of();
        if (sessionIds != null) {
            OffsetDateTime[] starts = r.getArrayOfOffsetDateTimes(c.sessionStarts);
            OffsetDateTime[] ends = r.getArrayOfOffsetDateTimes(c.sessionEnds);
            SessionView[] views = new SessionView[sessionIds.length];
            for (int i = 0; i < views.length; i++) {
                views[i] = new SessionView(sessionIds[i], starts[i], ends[i]);
            }
            sessions = List.of(views);
        }
        String[] ambience = r.getArrayOfStrings(c.ambience);
        List<String> roster = players == null ? List.of() : List.of(players);
        int partySize = r.getInteger(c.partySize);
        return new GameView(r.getLong(c.id), r.getString(c.slug), r.getString(c.name), r.getString(c.type),
                r.getString(c.length), r.getString(c.gmId), r.getLong(c.systemId), r.getLong(c.vttId),
                r.getString(c.description), r.getString(c.restriction), r.getString(c.restrictionTags),
                partySize, r.getBoolean(c.partySelection), r.getString(c.xp),
                r.getOffsetDateTime(c.date), r.getBigDecimal(c.sessionLength), r.getString(c.frequency),
                r.getString(c.characters), GameRepository.classification(r.getValue(c.classification)),
                ambience == null ? null : List.of(ambience), r.getString(c.complement), r.getString(c.img),
                r.getString(c.status), r.getLong(c.specialEventId), roster, sessions,
                r.getOffsetDateTime(c.registrationOpensAt), r.getBoolean(c.waitlistEnabled),
                r.getInteger(c.waitlistOfferHours), r.getInteger(c.minPlayers), r.getOffsetDateTime(c.goNoGoAt),
                SeatRules.seatsLeft(partySize, roster.size(), r.getLong(c.waitlistOffers).intValue()),
                r.getLong(c.waitlistLength).intValue());
    }

    /**
     * The statement's column positions, resolved once per page: a lookup by name is a linear search over the ~40
     * column names, and it was 8 % of games-service's CPU under load when done for every field of every row
     * (docs/performance.md, P2).
     */
    private record Columns(int total, int id, int slug, int name, int type, int length, int gmId, int systemId,
            int vttId, int description, int restriction, int restrictionTags, int partySize, int partySelection,
            int xp, int date, int sessionLength, int frequency, int characters, int classification, int ambience,
            int complement, int img, int status, int specialEventId, int registrationOpensAt, int waitlistEnabled,
            int waitlistOfferHours, int minPlayers, int goNoGoAt, int playerIds, int waitlistLength,
            int waitlistOffers, int sessionIds, int sessionStarts, int sessionEnds) {

        static Columns of(RowSet<Row> rows) {
            List<String> names = rows.columnsNames();
            return new Columns(at(names, "total"), at(names, "id"), at(names, "slug"), at(names, "name"),
                    at(names, "type"), at(names, "length"), at(names, "gm_id"), at(names, "system_id"),
                    at(names, "vtt_id"), at(names, "description"), at(names, "restriction"),
                    at(names, "restriction_tags"), at(names, "party_size"), at(names, "party_selection"),
                    at(names, "xp"), at(names, "date"), at(names, "session_length"), at(names, "frequency"),
                    at(names, "characters"), at(names, "classification"), at(names, "ambience"),
                    at(names, "complement"), at(names, "img"), at(names, "status"), at(names, "special_event_id"),
                    at(names, "registration_opens_at"), at(names, "waitlist_enabled"),
                    at(names, "waitlist_offer_hours"), at(names, "min_players"), at(names, "go_no_go_at"),
                    at(names, "player_ids"), at(names, "waitlist_length"), at(names, "waitlist_offers"),
                    at(names, "session_ids"), at(names, "session_starts"), at(names, "session_ends"));
        }

        private static int at(List<String> names, String column) {
            int i = names.indexOf(column);
            if (i < 0) {
                throw new IllegalStateException("the list statement has no column " + column);
            }
            return i;
        }
    }
}
