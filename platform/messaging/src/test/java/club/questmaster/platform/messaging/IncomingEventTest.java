package club.questmaster.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class IncomingEventTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final UUID id = UUID.randomUUID();

    private ConsumerRecord<String, byte[]> record(String value, boolean withId) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.GAME_EVENTS, 0, 0, "42",
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        if (withId) {
            record.headers().add(new RecordHeader(CloudEvents.ID, id.toString().getBytes(StandardCharsets.UTF_8)));
        }
        record.headers().add(new RecordHeader(CloudEvents.TYPE, GameEventData.Types.CREATED.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(CloudEvents.SOURCE, CloudEvents.GAMES_SOURCE.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @Test
    void aWellFormedRecordIsRead() {
        IncomingEvent<GameEventData> event = IncomingEvent.read(record("{\"event_id\":\"" + id
                + "\",\"action\":\"create\",\"game_id\":\"42\",\"future_field\":true,\"schema_version\":1}", true),
                GameEventData.class, json, 1);
        assertEquals(id, event.id());
        assertEquals("create", event.data().action());
        assertEquals("42", event.data().gameId());
    }

    @Test
    void theV11OptionalFieldsAreReadAndAV1EventLeavesThemNull() {
        IncomingEvent<GameEventData> v11 = IncomingEvent.read(record("{\"action\":\"waitlist\",\"seats_left\":0,"
                + "\"waitlist_length\":3,\"min_players\":2,\"registration_opens_at\":\"2026-12-01T10:00:00+01:00\","
                + "\"schema_version\":1}", true), GameEventData.class, json, GameEventData.SCHEMA_VERSION);
        assertEquals(GameEventData.Actions.WAITLIST, v11.data().action());
        assertTrue(GameEventData.Actions.ALL.contains(v11.data().action()));
        assertEquals(0, v11.data().seatsLeft());
        assertEquals(3, v11.data().waitlistLength());
        assertEquals(2, v11.data().minPlayers());
        assertEquals(java.time.OffsetDateTime.parse("2026-12-01T10:00:00+01:00").toInstant(), v11.data().registrationOpensAt().toInstant());

        IncomingEvent<GameEventData> v1 = IncomingEvent.read(record("{\"action\":\"create\",\"schema_version\":1}", true),
                GameEventData.class, json, GameEventData.SCHEMA_VERSION);
        assertEquals(null, v1.data().seatsLeft());
        assertEquals(null, v1.data().registrationOpensAt());
    }

    @Test
    void aV11UserEventCarriesPermissionsSessionAndExportIds() throws Exception {
        UserEventData revoked = json.readValue("{\"user_id\":\"123456789012345678\",\"session_id\":\"s-1\","
                + "\"permissions\":[\"games:moderate\"],\"export_id\":\"e-1\",\"schema_version\":1}", UserEventData.class);
        assertEquals("s-1", revoked.sessionId());
        assertEquals(java.util.List.of("games:moderate"), revoked.permissions());
        assertEquals("e-1", revoked.exportId());
        // A v1 producer's snapshot never carries the v1.1 fields (NON_NULL): v1 consumers see the same JSON.
        String v1 = json.writeValueAsString(new UserEventData(id, null, "banned", "1", "n", "u", java.util.List.of(),
                true, null, false, null, null, UserEventData.SCHEMA_VERSION));
        assertTrue(!v1.contains("permissions") && !v1.contains("session_id") && !v1.contains("export_id"), v1);
    }

    @Test
    void unreadableRecordsArePoisonWithAReason() {
        assertReason("missing header ce_id", record("{\"schema_version\":1}", false));
        assertReason("not JSON", record("{not json", true));
        assertReason("not a JSON object", record("[1,2]", true));
        assertReason("unsupported schema_version", record("{\"schema_version\":2}", true));
        assertReason("unsupported schema_version", record("{\"action\":\"create\"}", true));
        assertReason("empty value", record(null, true));
        assertReason("does not match the schema", record("{\"schema_version\":1,\"player_ids\":\"nope\"}", true));
        // bound in one pass, but a record that does not bind is named as before: its version first
        assertReason("unsupported schema_version 2", record("{\"schema_version\":2,\"player_ids\":\"nope\"}", true));
        assertReason("unsupported schema_version", record("{\"schema_version\":\"one\"}", true));
        assertReason("not a JSON object", record("null", true));
    }

    @Test
    void oneReaderReadsEveryRecordOfItsTypeAsTheOneCallReadDoes() {
        IncomingEvent.Reader<GameEventData> reader = IncomingEvent.reader(GameEventData.class, json, 1);
        for (int i = 0; i < 3; i++) {
            ConsumerRecord<String, byte[]> record = record("{\"action\":\"register\",\"game_id\":\"" + i
                    + "\",\"player_ids\":[\"7\"],\"session\":{\"id\":\"1\",\"start\":\"2026-12-01T20:00:00Z\"},"
                    + "\"schema_version\":1}", true);
            IncomingEvent<GameEventData> kept = reader.read(record);
            assertEquals(IncomingEvent.read(record, GameEventData.class, json, 1), kept);
            assertEquals(Integer.toString(i), kept.data().gameId());
            assertEquals(java.util.List.of("7"), kept.data().playerIds());
        }
    }

    private void assertReason(String expected, ConsumerRecord<String, byte[]> record) {
        PoisonRecordException e = assertThrows(PoisonRecordException.class,
                () -> IncomingEvent.read(record, GameEventData.class, json, 1));
        assertTrue(e.getMessage().contains(expected), () -> "reason was: " + e.getMessage());
    }
}
