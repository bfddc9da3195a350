package club.questmaster.games.seat;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.player;
import static club.questmaster.games.Api.system;
import static club.questmaster.games.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import club.questmaster.games.Api;
import club.questmaster.games.game.GameView;
import club.questmaster.platform.security.Caller;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * docs/performance.md, P1: a registration is four statements between BEGIN and COMMIT, on one connection of the
 * reactive pool, with no Hibernate session. Each statement is a round trip and, through Hibernate Reactive, a query
 * object, its parameter binding and its connection wrapper: that per-statement cost was the largest share of
 * games-service's CPU under load. (Before, the roster was read by a native select through Hibernate, and each
 * execution of a native select misses its query plan cache and stores one more copy of itself: a third of the CPU.)
 * The statements are counted on the transaction's own connection; nothing is timed.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class RegistrationStatementsTest {

    static final int REGISTRATIONS = 20;

    @Inject
    SeatService seats;
    @Inject
    Pool pool;
    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Test
    void aRegistrationIsFourStatementsOnThePoolWithNoHibernateSession() {
        String slug = game(3);
        List<String> sent = new CopyOnWriteArrayList<>();
        Caller caller = playerCaller();

        GameView view = pool.withTransaction(connection -> seats.register(counted(connection, sent), caller, slug))
                .await().indefinitely();

        assertThat(view.playerIds()).containsExactly(caller.id());
        assertThat(view.seatsLeft()).isEqualTo(2);
        assertThat(sent).hasSize(4);
        assertThat(sent.get(0)).startsWith("SELECT").contains("FROM game WHERE slug = $1 FOR NO KEY UPDATE");
        assertThat(sent.get(1)).isEqualTo(SeatRepository.SEATS_SQL);
        assertThat(sent.get(2)).isEqualTo(ConnectionSeatWrites.ADD_PLAYER);
        assertThat(sent.get(3)).startsWith("INSERT INTO outbox_event");
    }

    @Test
    void theLastSeatTakenAlsoWritesTheAutomaticCloseAndItsEvent() {
        String slug = game(1);
        List<String> sent = new CopyOnWriteArrayList<>();

        GameView view = pool.withTransaction(connection -> seats.register(counted(connection, sent), playerCaller(),
                slug)).await().indefinitely();

        assertThat(view.status()).isEqualTo("closed");
        assertThat(sent).hasSize(6);
        assertThat(sent.get(4)).isEqualTo(ConnectionSeatWrites.WRITE_STATUS);
        assertThat(sent.get(5)).startsWith("INSERT INTO outbox_event");
    }

    @Test
    void registrationsOverHttpRunNoHibernateQuery() {
        Map<String, Object> body = gameBody(unique("Plans"), system());
        body.put("party_size", REGISTRATIONS + 5);
        String base = "/api/v1/games/" + Api.publishedGame(gm("plans"), body).get("slug").asText();
        player("plans0").as().post(base + "/registrations").then().statusCode(201);

        Statistics statistics = sessionFactory.getStatistics();
        Map<String, Long> before = executionsByQuery(statistics);
        assertThat(before).as("statistics of the queries publishing the game ran").isNotEmpty();
        for (int i = 1; i <= REGISTRATIONS; i++) {
            player("plans" + i).as().post(base + "/registrations").then().statusCode(201);
        }
        Map<String, Long> executions = executionsByQuery(statistics);
        executions.replaceAll((query, count) -> count - before.getOrDefault(query, 0L));
        // A statement of the registration run through Hibernate would run REGISTRATIONS times; the sweeps' queries
        // (every second in tests) run a few times in this short loop.
        assertThat(executions).allSatisfy((query, count) -> assertThat(count).as(query).isLessThan(REGISTRATIONS));
    }

    /** A published game with {@code seats} seats; its slug. */
    private static String game(int seats) {
        Map<String, Object> body = gameBody(unique("Statements"), system());
        body.put("party_size", seats);
        return Api.publishedGame(gm("statements"), body).get("slug").asText();
    }

    private static Caller playerCaller() {
        return new Caller(Tokens.newUserId(), "statements", "Statements", Set.of(Role.PLAYER), Set.of(), false,
                Set.of(), null);
    }

    /** {@code connection}, recording the text of every statement sent through it. */
    private static SqlConnection counted(SqlConnection connection, List<String> sent) {
        io.vertx.sqlclient.SqlConnection real = connection.getDelegate();
        Object recording = Proxy.newProxyInstance(RegistrationStatementsTest.class.getClassLoader(),
                new Class<?>[] {io.vertx.sqlclient.SqlConnection.class}, (proxy, method, args) -> {
                    if ((method.getName().equals("preparedQuery") || method.getName().equals("query"))
                            && args != null && args[0] instanceof String sql) {
                        sent.add(sql);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return SqlConnection.newInstance((io.vertx.sqlclient.SqlConnection) recording);
    }

    private static Map<String, Long> executionsByQuery(Statistics statistics) {
        Map<String, Long> executions = new HashMap<>();
        for (String query : statistics.getQueries()) {
            executions.put(query, statistics.getQueryStatistics(query).getExecutionCount());
        }
        return executions;
    }
}
