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
    void unreadableRecordsArePoisonWithAReason() {
        assertReason("missing header ce_id", record("{\"schema_version\":1}", false));
        assertReason("not JSON", record("{not json", true));
        assertReason("not a JSON object", record("[1,2]", true));
        assertReason("unsupported schema_version", record("{\"schema_version\":2}", true));
        assertReason("unsupported schema_version", record("{\"action\":\"create\"}", true));
        assertReason("empty value", record(null, true));
        assertReason("does not match the schema", record("{\"schema_version\":1,\"player_ids\":\"nope\"}", true));
    }

    private void assertReason(String expected, ConsumerRecord<String, byte[]> record) {
        PoisonRecordException e = assertThrows(PoisonRecordException.class,
                () -> IncomingEvent.read(record, GameEventData.class, json, 1));
        assertTrue(e.getMessage().contains(expected), () -> "reason was: " + e.getMessage());
    }
}
