package club.questmaster.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.GameEventRecords;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Event contract v1.1: the four questmaster.game.waitlist.* events are stored with action {@code waitlist}. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class WaitlistActionTest {

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    @Test
    void everyWaitlistEventIsStoredWithActionWaitlist() {
        long gameId = GameEvents.newGameId();
        String gm = GameEvents.newUserId();
        String player = GameEvents.newUserId();
        List<String> types = List.of(GameEventData.Types.WAITLIST_JOINED, GameEventData.Types.WAITLIST_OFFERED,
                GameEventData.Types.WAITLIST_EXPIRED, GameEventData.Types.WAITLIST_LEFT);
        for (String type : types) {
            GameEventRecords.publish(json, type, GameEvents.event(gameId, "attente-" + gameId, gm,
                    GameEventData.Actions.WAITLIST, player, "Le·a joueur·euse a rejoint la liste d'attente (position 1)."));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertEquals(4L, pool.preparedQuery("SELECT count(*) FROM game_event WHERE game_id = $1"
                        + " AND action = 'waitlist' AND user_id = $2").execute(Tuple.of(gameId, player))
                        .await().indefinitely().iterator().next().getLong(0)));
    }
}
