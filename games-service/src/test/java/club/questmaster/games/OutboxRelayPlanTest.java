package club.questmaster.games;

import static org.assertj.core.api.Assertions.assertThat;

import club.questmaster.platform.outbox.OutboxRelay;
import club.questmaster.platform.testing.DevStackResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 P3: the relay's batch select reads each waiting row a bounded number of times, whatever the backlog. Its
 * parked-key check used to be a correlated NOT EXISTS planned as a nested loop over every unsent row for each row
 * returned (500 x 5 000 rows visited per batch with 5 000 waiting), so the relay fell further behind the longer it
 * was behind. Measured with EXPLAIN ANALYZE on the real planner, rows counted, not time.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class OutboxRelayPlanTest {

    private static final int BACKLOG = 3_000;
    private static final int BATCH = 500;

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    @Test
    void aBatchSelectVisitsEachWaitingRowABoundedNumberOfTimesWhenOneKeyIsParked() throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // The table as a relay that has caught up leaves it: sent rows (kept a day), none waiting, and
                // statistics saying so, which is when the planner chose the nested loop. ANALYZE is transactional:
                // the rollback below discards it with the rows.
                st.execute("INSERT INTO outbox_event (event_id, topic, record_key, ce_type, ce_source, ce_subject,"
                        + " occurred_at, payload, sent_at) SELECT gen_random_uuid(), 'questmaster.plan-test',"
                        + " (g % 100)::text, 'questmaster.game.updated', '/plan-test', (g % 100)::text, now(), '{}',"
                        + " now() FROM generate_series(1, " + BACKLOG + ") g");
                st.execute("ANALYZE outbox_event");
                // Never committed, so never relayed: a backlog over 100 keys, and the oldest row of one key parked.
                st.execute("INSERT INTO outbox_event (event_id, topic, record_key, ce_type, ce_source, ce_subject,"
                        + " occurred_at, payload) SELECT gen_random_uuid(), 'questmaster.plan-test', (g % 100)::text,"
                        + " 'questmaster.game.updated', '/plan-test', (g % 100)::text, now(), '{}'"
                        + " FROM generate_series(1, " + BACKLOG + ") g");
                st.execute("UPDATE outbox_event SET parked_at = now(), park_reason = 'plan test' WHERE id ="
                        + " (SELECT min(id) FROM outbox_event WHERE topic = 'questmaster.plan-test' AND sent_at IS NULL)");
            }
            JsonNode plan;
            int selected;
            int ofParkedKey;
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + OutboxRelay.UNSENT);
                    PreparedStatement select = c.prepareStatement(OutboxRelay.UNSENT)) {
                explain.setInt(1, BATCH);
                try (ResultSet rs = explain.executeQuery()) {
                    rs.next();
                    plan = json.readTree(rs.getString(1)).get(0).get("Plan");
                }
                select.setInt(1, BATCH);
                String parkedKey = parkedKey(c);
                selected = 0;
                ofParkedKey = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        selected++;
                        if (rs.getString("topic").equals("questmaster.plan-test") && rs.getString("record_key")
                                .equals(parkedKey)) {
                            ofParkedKey++;
                        }
                    }
                }
            } finally {
                c.rollback();
            }
            assertThat(selected).isEqualTo(BATCH);
            assertThat(ofParkedKey).as("rows behind a parked row of their key stay behind it").isZero();
            assertThat(rowsVisited(plan)).as("rows visited by the batch select, backlog " + BACKLOG)
                    .isLessThan(10L * BACKLOG);
        }
    }

    private static String parkedKey(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT record_key FROM outbox_event WHERE parked_at IS NOT NULL AND sent_at IS NULL"
                        + " AND topic = 'questmaster.plan-test'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Rows every plan node produced or filtered out, over all its loops. */
    private static long rowsVisited(JsonNode node) {
        double loops = node.path("Actual Loops").asDouble(1);
        double perLoop = node.path("Actual Rows").asDouble() + node.path("Rows Removed by Filter").asDouble()
                + node.path("Rows Removed by Join Filter").asDouble();
        long total = Math.round(perLoop * loops);
        for (JsonNode child : node.path("Plans")) {
            total += rowsVisited(child);
        }
        return total;
    }
}
