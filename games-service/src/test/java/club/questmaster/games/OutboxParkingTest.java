package club.questmaster.games;

import static org.assertj.core.api.Assertions.assertThat;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.KafkaProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 2: a head-of-line outbox row the broker can never accept (here larger than the producer's 1 MiB
 * {@code max.request.size}) is parked with its reason and an error metric; the later events of the same game wait
 * behind it (their order is never broken), the other games' events go on; once an operator deals with it (here:
 * deletes it), its game's next event leaves.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class OutboxParkingTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aRecordThatCanNeverBeSentIsParkedAndOnlyItsOwnGameWaitsBehindIt() throws Exception {
        String stuckGame = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
        String otherGame = Long.toString(Long.parseLong(stuckGame) + 1);
        try (KafkaProbe probe = KafkaProbe.open(Topics.GAME_EVENTS)) {
            // One transaction, as a service method would write them: the huge one first, then one of its game, then
            // another game's.
            long huge;
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                huge = insert(c, stuckGame, "{\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
                insert(c, stuckGame, "{\"description\":\"behind the huge one\"}");
                insert(c, otherGame, "{\"description\":\"another game\"}");
                c.commit();
            }
            probe.await(KafkaProbe.subject(otherGame), 1, Duration.ofSeconds(30));
            Awaitility.await("parked").atMost(Duration.ofSeconds(10)).until(() -> parkReason(huge) != null);
            assertThat(parkReason(huge)).startsWith("RecordTooLargeException");
            assertThat(probe.drain(Duration.ofSeconds(2)).stream().filter(KafkaProbe.subject(stuckGame)).toList())
                    .as("nothing of the stuck game leaves ahead of its parked event").isEmpty();
            Awaitility.await("parked gauge").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString())
                            .containsPattern("(?m)^questmaster_outbox_parked(\\{[^}]*\\})? [1-9]")
                            .containsPattern("(?m)^questmaster_outbox_parked_records_total(\\{[^}]*\\})? [1-9]"));

            // The operator gives the huge event up: the game's next event leaves, in order.
            try (Connection c = db.getConnection();
                    PreparedStatement delete = c.prepareStatement("DELETE FROM outbox_event WHERE id = ?")) {
                delete.setLong(1, huge);
                delete.executeUpdate();
            }
            // a fresh commit wakes the relay at once (it also polls every second)
            try (Connection c = db.getConnection()) {
                insert(c, otherGame, "{\"description\":\"wake up\"}");
            }
            List<String> descriptions = probe.await(KafkaProbe.subject(stuckGame), 1, Duration.ofSeconds(30)).stream()
                    .map(r -> r.value()).toList();
            assertThat(descriptions).containsExactly("{\"description\":\"behind the huge one\"}");
        }
    }

    private static long insert(Connection c, String gameId, String payload) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_event (event_id, topic, record_key,"
                + " ce_type, ce_source, ce_subject, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, Topics.GAME_EVENTS);
            insert.setString(3, gameId);
            insert.setString(4, "questmaster.game.updated");
            insert.setString(5, CloudEvents.GAMES_SOURCE);
            insert.setString(6, gameId);
            insert.setObject(7, OffsetDateTime.now());
            insert.setString(8, payload);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String parkReason(long id) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT park_reason FROM outbox_event WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
