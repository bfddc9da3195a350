package club.questmaster.platform.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A consumed record read as a CloudEvent: the attributes from the headers and the JSON data. Anything unreadable
 * raises {@link PoisonRecordException} with the reason, for the dead-letter topic.
 */
public record IncomingEvent<T>(UUID id, String type, String source, String subject, OffsetDateTime time, T data) {

    public static <T> IncomingEvent<T> read(ConsumerRecord<String, ?> record, Class<T> dataType, ObjectMapper json,
            int maxSchemaVersion) {
        UUID id;
        try {
            id = UUID.fromString(required(record, CloudEvents.ID));
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException("ce_id is not a UUID");
        }
        String type = required(record, CloudEvents.TYPE);
        String source = required(record, CloudEvents.SOURCE);
        String subject = header(record, CloudEvents.SUBJECT);
        OffsetDateTime time = null;
        String timeText = header(record, CloudEvents.TIME);
        if (timeText != null) {
            try {
                time = OffsetDateTime.parse(timeText);
            } catch (RuntimeException e) {
                throw new PoisonRecordException("ce_time is not an RFC 3339 time");
            }
        }
        Object value = record.value();
        if (value == null) {
            throw new PoisonRecordException("empty value");
        }
        byte[] bytes = value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new PoisonRecordException("value is not JSON: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new PoisonRecordException("value is not a JSON object");
        }
        int version = tree.path("schema_version").asInt(-1);
        if (version < 1 || version > maxSchemaVersion) {
            throw new PoisonRecordException("unsupported schema_version " + tree.path("schema_version"));
        }
        T data;
        try {
            // Unknown fields are allowed: the schema grows by optional fields.
            data = json.readerFor(dataType).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(tree);
        } catch (java.io.IOException e) {
            throw new PoisonRecordException("data does not match the schema: " + e.getMessage());
        }
        return new IncomingEvent<>(id, type, source, subject, time, data);
    }

    private static String required(ConsumerRecord<String, ?> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException("missing header " + name);
        }
        return value;
    }

    static String header(ConsumerRecord<String, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
