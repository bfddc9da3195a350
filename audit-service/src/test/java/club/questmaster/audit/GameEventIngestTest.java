package club.questmaster.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Every game event is stored exactly once, redeliveries are skipped, unreadable records go to the DLQ. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class GameEventIngestTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    @Test
    void nEventsProducedAreNRowsAndTheSameNProducedAgainAreStillNRows() {
        long gameId = GameEvents.newGameId();
        String gm = GameEvents.newUserId();
        List<GameEventData> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(GameEvents.event(gameId, "la-table-" + gameId, gm,
                    i == 0 ? GameEventData.Actions.CREATE : GameEventData.Actions.EDIT, gm, "Événement " + i + "."));
        }
        events.forEach(e -> GameEvents.publish(json, e));
        awaitRows(gameId, 20);

        events.forEach(e -> GameEvents.publish(json, e));
        // A fresh event on the same key (same partition, consumed after the redeliveries) proves they were consumed.
        GameEvents.publish(json, GameEvents.event(gameId, "la-table-" + gameId, gm, GameEventData.Actions.EDIT, gm,
                "Après la redistribution."));
        awaitRows(gameId, 21);
        assertEquals(21, distinctEventIds(gameId));
    }

    @Test
    void storedRowCarriesTheEventFieldsAndTheEventIdAsCeId() {
        long gameId = GameEvents.newGameId();
        String gm = GameEvents.newUserId();
        String player = GameEvents.newUserId();
        GameEventData register = GameEvents.event(gameId, "une-partie-" + gameId, gm, GameEventData.Actions.REGISTER,
                player, "Inscription de la joueuse.");
        GameEvents.publish(json, register);
        awaitRows(gameId, 1);
        var row = pool.preparedQuery("SELECT event_id, action, game_slug, description, user_id, timestamp "
                + "FROM game_event WHERE game_id = $1").execute(Tuple.of(gameId)).await().indefinitely()
                .iterator().next();
        assertEquals(register.eventId(), row.getUUID("event_id"));
        assertEquals("register", row.getString("action"));
        assertEquals("une-partie-" + gameId, row.getString("game_slug"));
        assertEquals("Inscription de la joueuse.", row.getString("description"));
        assertEquals(player, row.getString("user_id"));
        // PostgreSQL keeps microseconds.
        assertEquals(register.occurredAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                row.getOffsetDateTime("timestamp").toInstant());
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithTheirReasonAndConsumptionGoesOn() throws Exception {
        long gameId = GameEvents.newGameId();
        String key = Long.toString(gameId);
        String gm = GameEvents.newUserId();
        try (KafkaProbe dlq = KafkaProbe.open(Topics.GAME_EVENTS + Topics.DLQ_SUFFIX)) {
            KafkaProbe.produce(Topics.GAME_EVENTS, key, GameEventData.Types.UPDATED, CloudEvents.GAMES_SOURCE, Map.of(),
                    "{not json");
            ObjectNode future = json.valueToTree(GameEvents.event(gameId, "s-" + gameId, gm, "edit", gm, "v99"));
            future.put("schema_version", 99);
            KafkaProbe.produce(Topics.GAME_EVENTS, key, GameEventData.Types.UPDATED, CloudEvents.GAMES_SOURCE, Map.of(),
                    json.writeValueAsString(future));
            ObjectNode noSlug = json.valueToTree(GameEvents.event(gameId, "s-" + gameId, gm, "edit", gm, "no slug"));
            noSlug.remove("game_slug");
            KafkaProbe.produce(Topics.GAME_EVENTS, key, GameEventData.Types.UPDATED, CloudEvents.GAMES_SOURCE, Map.of(),
                    json.writeValueAsString(noSlug));
            ObjectNode badAction = json.valueToTree(GameEvents.event(gameId, "s-" + gameId, gm, "edit", gm, "?"));
            badAction.put("action", "explode");
            KafkaProbe.produce(Topics.GAME_EVENTS, key, GameEventData.Types.UPDATED, CloudEvents.GAMES_SOURCE, Map.of(),
                    json.writeValueAsString(badAction));
            GameEventData good = GameEvents.event(gameId, "s-" + gameId, gm, GameEventData.Actions.EDIT, gm, "Bon.");
            GameEvents.publish(json, good);

            List<ConsumerRecord<String, String>> dead = dlq.await(r -> key.equals(r.key()), 4, WAIT);
            assertEquals(4, dead.size());
            List<String> reasons = dead.stream().map(r -> KafkaProbe.header(r, "dead-letter-reason")).toList();
            assertThat(reasons.get(0), startsWith("value is not JSON"));
            assertEquals("unsupported schema_version 99", reasons.get(1));
            assertEquals("missing field game_slug", reasons.get(2));
            assertThat(reasons.get(3), startsWith("action 'explode' is not one of"));
            ConsumerRecord<String, String> first = dead.get(0);
            assertEquals("{not json", first.value());
            assertEquals(Topics.GAME_EVENTS, KafkaProbe.header(first, "dead-letter-topic"));
            assertThat(KafkaProbe.header(first, "dead-letter-partition"), matchesPattern("\\d+"));
            assertThat(KafkaProbe.header(first, "dead-letter-offset"), matchesPattern("\\d+"));
            assertEquals(GameEventData.Types.UPDATED, KafkaProbe.header(first, CloudEvents.TYPE));

            awaitRows(gameId, 1);
            assertEquals(1, distinctEventIds(gameId));
        }
    }

    /**
     * Issue 10: a record with a NUL character in its description (which PostgreSQL refuses, SQLSTATE 22021) used to be
     * retried forever, stopping the whole timeline behind it. Now it is poison: refused by the contract reader (the
     * platform's JSON rules refuse NUL since issue 12) or, were it to pass the reader, by the database, after which
     * the batch falls back to one record at a time. Either way the bad one alone is dead-lettered, the others of its
     * batch and the ones after it are stored.
     */
    @Test
    void aRecordPostgresRefusesInTheMiddleOfABatchIsDeadLetteredAloneAndTheRestIsStored() {
        long gameId = GameEvents.newGameId();
        String key = Long.toString(gameId);
        String gm = GameEvents.newUserId();
        List<GameEventData> events = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            events.add(GameEvents.event(gameId, "nul-" + gameId, gm, GameEventData.Actions.EDIT, gm,
                    i == 4 ? "Avant\u0000après" : "Événement " + i + "."));
        }
        try (KafkaProbe dlq = KafkaProbe.open(Topics.GAME_EVENTS + Topics.DLQ_SUFFIX)) {
            // Published back to back, they mostly land in one poll, hence one batch.
            events.forEach(e -> GameEvents.publish(json, e));
            List<ConsumerRecord<String, String>> dead = dlq.await(r -> key.equals(r.key()), 1, WAIT);
            assertEquals(events.get(4).eventId().toString(), KafkaProbe.header(dead.get(0), CloudEvents.ID));
            assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason"),
                    anyOf(containsString("22021"), containsString("NUL")));
            assertEquals(Topics.GAME_EVENTS, KafkaProbe.header(dead.get(0), "dead-letter-topic"));
            awaitRows(gameId, 8);
            assertEquals(1, dlq.drain(Duration.ofMillis(500)).stream().filter(r -> key.equals(r.key())).count(),
                    "only the refused record is dead-lettered");
        }
    }

    @Test
    void metricsCountStoredDuplicateAndDeadLetteredEventsAndExposeConsumerLag() {
        long gameId = GameEvents.newGameId();
        String gm = GameEvents.newUserId();
        GameEventData event = GameEvents.event(gameId, "m-" + gameId, gm, GameEventData.Actions.CREATE, gm, "Créée.");
        GameEvents.publish(json, event);
        awaitRows(gameId, 1);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("questmaster_audit_events_stored_total"))
                .body(containsString("questmaster_audit_events_duplicates_total"))
                .body(containsString("questmaster_consumer_processed_total{consumer=\"audit-timeline\"}"))
                .body(containsString("questmaster_consumer_retried_total{consumer=\"audit-timeline\"}"))
                .body(containsString("questmaster_consumer_dead_lettered_total{consumer=\"audit-timeline\"}"))
                .body(containsString("questmaster_consumer_oldest_unprocessed_age_seconds{consumer=\"audit-timeline\"}"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag"));
        // The recipe's lag (end - committed), measured every 10 s: everything consumed, so it drops to 0 everywhere.
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().when().get("/q/metrics").then().statusCode(200)
                        .body(matchesPattern("(?s).*questmaster_consumer_lag\\{consumer=\"audit-timeline\",partition=\"0\","
                                + "topic=\"questmaster\\.game-events\",?} 0\\.0\n.*"))
                        .body(matchesPattern("(?s).*questmaster_consumer_lag\\{consumer=\"audit-timeline\",partition=\"2\","
                                + "topic=\"questmaster\\.game-events\",?} 0\\.0\n.*")));
    }

    private void awaitRows(long gameId, int expected) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertEquals(expected, rows(gameId)));
        // and no more arrive (a duplicate would come right behind)
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> rows(gameId) == expected);
    }

    private long rows(long gameId) {
        return pool.preparedQuery("SELECT count(*) FROM game_event WHERE game_id = $1").execute(Tuple.of(gameId))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private long distinctEventIds(long gameId) {
        return pool.preparedQuery("SELECT count(DISTINCT event_id) FROM game_event WHERE game_id = $1")
                .execute(Tuple.of(gameId)).await().indefinitely().iterator().next().getLong(0);
    }
}
