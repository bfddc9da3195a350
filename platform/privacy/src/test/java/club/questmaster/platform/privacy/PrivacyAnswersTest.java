package club.questmaster.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.KafkaClients;
import club.questmaster.platform.messaging.PrivacyExportData;
import club.questmaster.platform.messaging.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The shape of an answer on questmaster.privacy-exports (events.md v1.1), without a broker. */
class PrivacyAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAnswerIsKeyedByItsExportAndSignedByItsServiceAsACloudEvent() throws Exception {
        PrivacyAnswers answers = new PrivacyAnswers(new KafkaClients(Map.of(), "games-service"), JSON, "games-service");
        String exportId = UUID.randomUUID().toString();
        JsonNode section = JSON.readTree("{\"games_run\":[]}");

        ProducerRecord<String, byte[]> record = answers.record(new PrivacyExportData(exportId, "100000000000000001",
                "games-service", section));

        assertEquals(Topics.PRIVACY_EXPORTS, record.topic());
        assertEquals(exportId, record.key());
        assertEquals(PrivacyAnswers.TYPE, header(record, CloudEvents.TYPE));
        assertEquals("/questmaster/games-service", header(record, CloudEvents.SOURCE));
        assertEquals(exportId, header(record, CloudEvents.SUBJECT));
        assertEquals(CloudEvents.SPEC_VERSION_1_0, header(record, CloudEvents.SPEC_VERSION));
        assertNotNull(UUID.fromString(header(record, CloudEvents.ID)));
        JsonNode value = JSON.readTree(record.value());
        assertEquals(exportId, value.get("export_id").asText());
        assertEquals("100000000000000001", value.get("user_id").asText());
        assertEquals("games-service", value.get("service").asText());
        assertEquals(section, value.get("data"));
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
