package club.questmaster.games;

import static club.questmaster.games.Api.gameBody;
import static club.questmaster.games.Api.gm;
import static club.questmaster.games.Api.player;
import static club.questmaster.games.Api.system;
import static club.questmaster.games.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import club.questmaster.platform.testing.DevStackResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * docs/performance.md, P1: a registration reuses Hibernate's query plans. The roster used to be read by a native
 * select, and Hibernate Reactive never finds a native select's plan in its cache (its key's result mapping has no
 * {@code equals}): every registration stored one more copy of the statement under the same hash, and under load
 * games-service spent a third of its CPU comparing them. Statistics are on in the test profile only.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class RegistrationQueryPlansTest {

    static final int REGISTRATIONS = 20;

    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Test
    void noStatementOfARegistrationMissesTheQueryPlanCacheEachTime() {
        Map<String, Object> body = gameBody(unique("Plans"), system());
        body.put("party_size", REGISTRATIONS + 5);
        String base = "/api/v1/games/" + Api.publishedGame(gm("plans"), body).get("slug").asText();
        player("plans0").as().post(base + "/registrations").then().statusCode(201);

        Statistics statistics = sessionFactory.getStatistics();
        Map<String, Long> before = missesByQuery(statistics);
        for (int i = 1; i <= REGISTRATIONS; i++) {
            player("plans" + i).as().post(base + "/registrations").then().statusCode(201);
        }
        Map<String, Long> misses = missesByQuery(statistics);
        misses.replaceAll((query, count) -> count - before.getOrDefault(query, 0L));
        // A statement of the registration that misses each time misses REGISTRATIONS times; the sweeps' native
        // selects (every second in tests, never cached either) miss once a run, far fewer in this short loop.
        assertThat(misses).allSatisfy((query, count) -> assertThat(count).as(query).isLessThan(REGISTRATIONS));
    }

    private static Map<String, Long> missesByQuery(Statistics statistics) {
        Map<String, Long> misses = new HashMap<>();
        for (String query : statistics.getQueries()) {
            misses.put(query, statistics.getQueryStatistics(query).getPlanCacheMissCount());
        }
        return misses;
    }
}
