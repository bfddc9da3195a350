package club.questmaster.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test data written straight into the services' databases (the API would take minutes for 100 000 games). */
final class Seed {

    static final int LISTING_GAMES = 100_000;
    static final int SYSTEMS = 10;

    private Seed() {
    }

    /** The bench game systems (created once); returns the first one's id. */
    static long system(Stack stack) throws Exception {
        try (Connection c = stack.db("games"); Statement st = c.createStatement()) {
            st.execute("INSERT INTO game_system (name) SELECT 'Bench system ' || i FROM generate_series(1, " + SYSTEMS
                    + ") i ON CONFLICT DO NOTHING");
            try (ResultSet rs = st.executeQuery("SELECT min(id) FROM game_system WHERE name LIKE 'Bench system %'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Users in games-service's users projection, as users-service's events would have put them there. */
    static void knownUsers(Stack stack, long base, int count, String role) throws Exception {
        stack.exec("games", "INSERT INTO known_user (id, name, username, roles, last_event_at, last_event_id)"
                + " SELECT (" + base + " + i)::text, 'bench ' || i, 'bench' || i, ARRAY['" + role + "'], now(),"
                + " gen_random_uuid() FROM generate_series(0, " + (count - 1) + ") i ON CONFLICT DO NOTHING");
    }

    /** {@code count} open games {@code prefix0..} with one future session each; returns their slugs. */
    static List<String> openGames(Stack stack, String prefix, int count, int partySize, long systemId, String gm)
            throws Exception {
        try (Connection c = stack.db("games"); Statement st = c.createStatement()) {
            st.execute("INSERT INTO game (slug, name, type, length, gm_id, system_id, description, restriction,"
                    + " party_size, xp, date, session_length, status)"
                    + " SELECT '" + prefix + "' || i, 'Seat bench ' || i, 'oneshot', '1 session', '" + gm + "', "
                    + systemId + ", 'A benchmark game', 'all', " + partySize + ", 'all',"
                    + " now() + interval '30 days' + i * interval '1 hour', 3.0, 'open'"
                    + " FROM generate_series(0, " + (count - 1) + ") i");
            st.execute("INSERT INTO game_session (game_id, starts_at, ends_at) SELECT id, date, date + interval '3 hours'"
                    + " FROM game WHERE slug LIKE '" + prefix + "%'");
        }
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slugs.add(prefix + i);
        }
        return slugs;
    }

    /**
     * 100 000 listing games (once per database): two years around today, 60% archived, 20% open, 10% closed, 10%
     * drafts, {@value #SYSTEMS} systems, 500 gms, a session and two players each.
     */
    static void listingGames(Stack stack, Report report) throws Exception {
        long systemId = system(stack);
        if (stack.scalar("games", "SELECT count(*) FROM game WHERE slug LIKE 'p2-%'") >= LISTING_GAMES) {
            return;
        }
        long t = System.nanoTime();
        try (Connection c = stack.db("games"); Statement st = c.createStatement()) {
            st.execute("INSERT INTO game (slug, name, type, length, gm_id, system_id, description, restriction,"
                    + " party_size, xp, date, session_length, status, closed_reason)"
                    + " SELECT 'p2-' || i, 'Bench game ' || i, CASE WHEN i % 3 = 0 THEN 'campaign' ELSE 'oneshot' END,"
                    + " '1 session', (100000000000000000 + i % 500)::text, " + systemId + " + i % " + SYSTEMS + ","
                    + " 'A game to list', CASE i % 3 WHEN 0 THEN 'all' WHEN 1 THEN '16+' ELSE '18+' END, 40, 'all',"
                    + " now() + ((i % 730) - 365) * interval '1 day' + (i % 24) * interval '1 hour', 3.0,"
                    + " CASE WHEN i % 10 < 6 THEN 'archived' WHEN i % 10 < 8 THEN 'open' WHEN i % 10 < 9 THEN 'closed'"
                    + " ELSE 'draft' END, CASE WHEN i % 10 = 8 THEN 'manual' END"
                    + " FROM generate_series(1, " + LISTING_GAMES + ") i");
            st.execute("INSERT INTO game_session (game_id, starts_at, ends_at) SELECT id, date, date + interval '3 hours'"
                    + " FROM game WHERE slug LIKE 'p2-%' AND status <> 'draft'");
            st.execute("INSERT INTO game_player (game_id, player_id) SELECT id, (200000000000000000 + id % 5000)::text"
                    + " FROM game WHERE slug LIKE 'p2-%'");
            st.execute("INSERT INTO game_player (game_id, player_id) SELECT id,"
                    + " (200000000000000000 + (id * 7 + 1) % 5000)::text FROM game WHERE slug LIKE 'p2-%'"
                    + " ON CONFLICT DO NOTHING");
            st.execute("VACUUM ANALYZE game");
            st.execute("VACUUM ANALYZE game_player");
            st.execute("VACUUM ANALYZE game_session");
        }
        report.line("  seeded %d listing games in %.1f s", LISTING_GAMES, (System.nanoTime() - t) / 1e9);
    }

    static long scalarLong(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
