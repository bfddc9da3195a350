package club.questmaster.games.game;

import java.util.ArrayList;
import java.util.List;

/**
 * The one statement of a {@code GET /api/v1/games} page: its games, their rosters and sessions, and the total.
 *
 * <p>Order (the original's): status rank, then future before past, then distance from now (upcoming games soonest
 * first, past games most recent first), then id.
 *
 * <p>Total: without a selective filter (name, system, vtt, special event, gm, player) the matching games are whole
 * (status, type, restriction) groups, whose sizes {@code game_count} holds, so the total is a sum of a few small rows
 * (plus, for a non-admin asking for drafts, a count of their own drafts on the (gm_id, status) index). With a
 * selective filter few games match: they are read once through the filter's index (a materialized CTE), counted,
 * and sorted for the page.
 *
 * @param text SQL with positional parameters ($1...)
 * @param params their values, in order
 */
record ListQuery(String text, List<Object> params) {

    static final String COLUMNS = "g.id, g.slug, g.name, g.type, g.length, g.gm_id, g.system_id, g.vtt_id,"
            + " g.description, g.restriction, g.restriction_tags, g.party_size, g.party_selection, g.xp, g.date,"
            + " g.session_length, g.frequency, g.characters, g.classification, g.ambience, g.complement, g.img,"
            + " g.status, g.special_event_id, g.registration_opens_at, g.waitlist_enabled, g.waitlist_offer_hours,"
            + " g.min_players, g.go_no_go_at";

    static ListQuery of(GameQuery q, int offset, int limit) {
        Params p = new Params();
        String statuses = p.add(q.statuses().toArray(String[]::new));
        boolean hasTypes = q.types() != null && !q.types().isEmpty();
        boolean hasRestrictions = q.restrictions() != null && !q.restrictions().isEmpty();
        String types = hasTypes ? p.add(q.types().toArray(String[]::new)) : null;
        String restrictions = hasRestrictions ? p.add(q.restrictions().toArray(String[]::new)) : null;

        StringBuilder groups = new StringBuilder();
        if (hasTypes) {
            groups.append(" AND g.type = ANY(").append(types).append(')');
        }
        if (hasRestrictions) {
            groups.append(" AND g.restriction = ANY(").append(restrictions).append(')');
        }
        StringBuilder selective = new StringBuilder();
        if (q.name() != null && !q.name().isBlank()) {
            selective.append(" AND g.name ILIKE ").append(p.add("%" + q.name().trim().replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%")).append(" ESCAPE '\\'");
        }
        if (q.systemId() != null) {
            selective.append(" AND g.system_id = ").append(p.add(q.systemId()));
        }
        if (q.vttId() != null) {
            selective.append(" AND g.vtt_id = ").append(p.add(q.vttId()));
        }
        if (q.specialEventId() != null) {
            selective.append(" AND g.special_event_id = ").append(p.add(q.specialEventId()));
        }
        if (q.gmId() != null) {
            selective.append(" AND g.gm_id = ").append(p.add(q.gmId()));
        }
        if (q.playerId() != null) {
            selective.append(" AND EXISTS (SELECT 1 FROM game_player pl WHERE pl.game_id = g.id AND pl.player_id = ")
                    .append(p.add(q.playerId())).append(')');
        }
        boolean hidesDrafts = !q.viewerIsAdmin() && q.statuses().contains(GameStatus.DRAFT.value());
        String viewer = hidesDrafts && q.viewerId() != null ? p.add(q.viewerId()) : null;
        String drafts = !hidesDrafts ? "" : viewer == null ? " AND g.status <> 'draft'"
                : " AND (g.status <> 'draft' OR g.gm_id = " + viewer + ")";
        String where = " WHERE g.status = ANY(" + statuses + ")" + groups + selective + drafts;

        // PostgreSQL's clock, not a bound value: the planner estimates "date >= now()" from the statistics even in
        // a generic plan, which then costs what a custom plan does and is the one reused (planned once per pooled
        // connection); a bound instant is estimated as a third of the games, whichever side of it they are.
        String nowParam = "now()";
        String ids;
        String total;
        if (!selective.isEmpty()) {
            // Few rows match: filtered once through the matching index, counted by a window over all of them and
            // sorted for the page. A page past the end has no row to carry that count: then (only then, coalesce
            // evaluates it lazily) they are counted again. The bounds are bound parameters: PostgreSQL's generic
            // plan (planned once per pooled connection) estimates a bound LIMIT as a tenth of the filtered rows,
            // which keeps it no costlier than a custom plan, so it is the one chosen.
            ids = "SELECT g.id, " + rank("g.status") + " AS r, (g.date < " + nowParam + ")::int AS s,"
                    + " abs(extract(epoch FROM (g.date - " + nowParam + "))) AS k, count(*) OVER () AS n FROM game g"
                    + where + " ORDER BY r, s, k, g.id LIMIT " + p.add((long) limit) + " OFFSET "
                    + p.add((long) offset);
            total = "coalesce(page.n, (SELECT count(*) FROM game g" + where + "))";
        } else {
            // Many rows match (whole statuses): the same order read from the (status, date) index, one ordered range
            // scan per status and side of now, each stopping after offset + limit rows; only those few are sorted.
            // The bounds are written into the text (ints from the validated page request): bound, PostgreSQL's
            // generic plan estimated each LIMIT as a tenth of the status's games, ten times costlier than a custom
            // plan, so every execution was planned anew, as long as it ran (docs/performance.md, P2). Each (page,
            // per_page) is one more statement in the pooled connection's cache.
            String page = " LIMIT " + limit + " OFFSET " + offset;
            long window = (long) offset + limit;
            List<String> branches = new ArrayList<>();
            for (GameStatus status : GameStatus.values()) {
                if (!q.statuses().contains(status.value())) {
                    continue;
                }
                // the status itself, not the statuses' parameter: the planner then knows how many games it holds
                String in = " WHERE g.status = '" + status.value() + "'" + groups + drafts;
                branches.add("(SELECT g.id, " + status.rank() + " AS r, 0 AS s, extract(epoch FROM g.date) AS k"
                        + " FROM game g" + in + " AND g.date >= " + nowParam + " ORDER BY g.date, g.id LIMIT " + window
                        + ")");
                branches.add("(SELECT g.id, " + status.rank() + " AS r, 1 AS s, -extract(epoch FROM g.date) AS k"
                        + " FROM game g" + in + " AND g.date < " + nowParam + " ORDER BY g.date DESC, g.id LIMIT "
                        + window + ")");
            }
            ids = "SELECT u.id, u.r, u.s, u.k FROM (" + String.join(" UNION ALL ", branches) + ") u"
                    + " ORDER BY u.r, u.s, u.k, u.id" + page;
            total = "(" + totalOfGroups(statuses, types, restrictions, groups, hidesDrafts, viewer) + ")";
        }

        String text = "SELECT " + total + " AS total, page.* FROM (SELECT 1) one LEFT JOIN LATERAL ("
                + "SELECT " + COLUMNS + ", t.r, t.s, t.k" + (selective.isEmpty() ? "" : ", t.n") + ","
                + " ARRAY(SELECT pl.player_id FROM game_player pl WHERE pl.game_id = g.id"
                + " ORDER BY pl.registered_at, pl.player_id) AS player_ids,"
                + " wl.n AS waitlist_length, wl.offered AS waitlist_offers,"
                + " ss.ids AS session_ids, ss.starts AS session_starts, ss.ends AS session_ends"
                + " FROM (" + ids + ") t JOIN game g ON g.id = t.id"
                + " CROSS JOIN LATERAL (SELECT count(*) AS n, count(*) FILTER (WHERE w.status = 'offered') AS offered"
                + " FROM waitlist_entry w WHERE w.game_id = g.id) wl"
                + " LEFT JOIN LATERAL (SELECT array_agg(se.id ORDER BY se.starts_at, se.id) AS ids,"
                + " array_agg(se.starts_at ORDER BY se.starts_at, se.id) AS starts,"
                + " array_agg(se.ends_at ORDER BY se.starts_at, se.id) AS ends"
                + " FROM game_session se WHERE se.game_id = g.id) ss ON true) page ON true"
                + " ORDER BY page.r, page.s, page.k, page.id";
        return new ListQuery(text, p.values);
    }

    /**
     * Whole (status, type, restriction) groups match: the sum of their {@code game_count} rows, plus, for a non-admin
     * asking for drafts, a count of their own drafts on the (gm_id, status) index.
     */
    private static String totalOfGroups(String statuses, String types, String restrictions,
            CharSequence groups, boolean hidesDrafts, String viewer) {
        StringBuilder counted = new StringBuilder("SELECT coalesce(sum(c.n), 0) FROM game_count c WHERE c.status = ANY("
                + statuses + ")");
        if (types != null) {
            counted.append(" AND c.type = ANY(").append(types).append(')');
        }
        if (restrictions != null) {
            counted.append(" AND c.restriction = ANY(").append(restrictions).append(')');
        }
        if (hidesDrafts) {
            counted.append(" AND c.status <> 'draft'");
        }
        String total = "(" + counted + ")";
        if (viewer != null) {
            total += " + (SELECT count(*) FROM game g WHERE g.gm_id = " + viewer + " AND g.status = 'draft'"
                    + groups + ")";
        }
        return "SELECT (" + total + ")::bigint";
    }

    private static String rank(String column) {
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (GameStatus status : GameStatus.values()) {
            sql.append(" WHEN '").append(status.value()).append("' THEN ").append(status.rank());
        }
        return sql.append(" END").toString();
    }

    private static final class Params {
        private final List<Object> values = new ArrayList<>();

        String add(Object value) {
            values.add(value);
            return "$" + values.size();
        }
    }
}
