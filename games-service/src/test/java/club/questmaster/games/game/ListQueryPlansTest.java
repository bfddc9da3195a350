package club.questmaster.games.game;

import static org.assertj.core.api.Assertions.assertThat;

import club.questmaster.platform.testing.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * docs/performance.md, P2: the statement of a list page is planned once per pooled connection, not on every request.
 * The pool keeps it prepared on each connection; PostgreSQL then reuses one generic plan after five executions,
 * unless that plan looks costlier than the ones it planned for the values. It did for the default page: its LIMITs
 * were bound, and a bound LIMIT is estimated as a tenth of the rows it limits, so every page was planned anew (1 ms,
 * as long as running it). Run on a catalogue large enough for the estimates to matter (20 000 open games, in a
 * transaction rolled back). A selective filter's page (name, system...) is left out: whether its generic plan wins
 * depends on how many games the filter's values match, which no bound value tells the planner.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class ListQueryPlansTest {

    static final int EXECUTIONS = 8;
    static final int GAMES = 20_000;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void theStatementsOfTheWholeStatusPagesArePlannedOnceNotOnEveryRequest() {
        // A connection of its own, configured as the pool's: a pooled one may have run these statements already, on
        // the few games of the other tests, and PostgreSQL weighs a generic plan against the custom plans it made.
        SqlConnection connection = PgConnection.connect(vertx, PgConnectOptions.fromUri(url).setUser(user)
                .setPassword(password).setCachePreparedStatements(true)).await().indefinitely();
        try {
            connection.query("BEGIN").execute().await().indefinitely();
            long system = connection.query("INSERT INTO game_system (name) VALUES ('List plans "
                    + System.nanoTime() + "') RETURNING id").execute().await().indefinitely().iterator().next()
                    .getLong(0);
            connection.preparedQuery("INSERT INTO game (slug, name, type, gm_id, system_id, description, restriction,"
                    + " party_size, xp, date, session_length, status)"
                    + " SELECT 'list-plans-' || $1::bigint || '-' || i, 'Plans game ' || i, 'oneshot',"
                    + " '100000000000000001', $1, 'x', 'all', 4, 'all',"
                    + " now() + ((i % 400) - 200) * interval '1 day', 3.0, 'open'"
                    + " FROM generate_series(1, " + GAMES + ") i")
                    .execute(Tuple.of(system)).await().indefinitely();
            connection.query("ANALYZE game").execute().await().indefinitely();

            GameQuery open = new GameQuery(List.of("open"), List.of(), List.of(), null, null, null, null, null, null,
                    null, false);
            assertThat(genericPlans(connection, ListQuery.of(open, 0, 20)))
                    .as("default page").isPositive();
            assertThat(genericPlans(connection, ListQuery.of(open, 980, 20)))
                    .as("page 50").isPositive();
        } finally {
            connection.query("ROLLBACK").execute().await().indefinitely();
            connection.close().await().indefinitely();
        }
    }

    /**
     * Runs the page's statement as the list does (prepared, kept by the connection): how many of these executions
     * used the generic plan.
     */
    private static long genericPlans(SqlConnection connection, ListQuery page) {
        long[] before = plans(connection, page);
        for (int i = 0; i < EXECUTIONS; i++) {
            connection.preparedQuery(page.text()).execute(Tuple.from(page.params())).await().indefinitely();
        }
        long[] after = plans(connection, page);
        assertThat(after[0] + after[1] - before[0] - before[1]).as("executions of the statement").isEqualTo(EXECUTIONS);
        return after[0] - before[0];
    }

    /** The connection's generic and custom plan counts of the statement (none before its first execution). */
    private static long[] plans(SqlConnection connection, ListQuery page) {
        for (Row row : connection.preparedQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                + " WHERE statement = $1").execute(Tuple.of(page.text())).await().indefinitely()) {
            return new long[] {row.getLong("generic_plans"), row.getLong("custom_plans")};
        }
        return new long[] {0, 0};
    }
}
