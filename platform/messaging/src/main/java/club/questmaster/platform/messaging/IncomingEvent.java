package club.questmaster.platform.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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

    /** Reads one record with a reader built for the call; a consumer reads with one {@link #reader} it keeps. */
    public static <T> IncomingEvent<T> read(ConsumerRecord<String, ?> record, Class<T> dataType, ObjectMapper json,
            int maxSchemaVersion) {
        return reader(dataType, json, maxSchemaVersion).read(record);
    }

    /** A reader of {@code dataType} events, to build once per consumer (it holds Jackson's reader of the type). */
    public static <T> Reader<T> reader(Class<T> dataType, ObjectMapper json, int maxSchemaVersion) {
        return new Reader<>(dataType, json, maxSchemaVersion);
    }

    /**
     * Reads records as CloudEvents of one data type. Thread-safe (Jackson's readers are immutable).
     *
     * <p>A data type that carries its {@code schema_version} ({@link VersionedData}: every contract type) is bound
     * from the bytes in one pass, and the version checked on the result. Reading a tree first, to check the version,
     * then binding the tree cost two passes and a node per field: 20 % of audit-service's CPU while it ingested a
     * backlog (docs/performance.md P3). Only a record that fails to bind is read again as a tree, to name what is
     * wrong with it (not JSON, not an object, an unsupported version, a field of the wrong type) as before.
     */
    public static final class Reader<T> {
        private final ObjectMapper json;
        /** Unknown fields are allowed: the schema grows by optional fields. */
        private final ObjectReader data;
        private final int maxSchemaVersion;
        private final boolean versioned;

        private Reader(Class<T> dataType, ObjectMapper json, int maxSchemaVersion) {
            this.json = json;
            this.data = json.readerFor(dataType).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            this.maxSchemaVersion = maxSchemaVersion;
            this.versioned = VersionedData.class.isAssignableFrom(dataType);
        }

        public IncomingEvent<T> read(ConsumerRecord<String, ?> record) {
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
            return new IncomingEvent<>(id, type, source, subject, time, versioned ? bind(bytes) : viaTree(bytes));
        }

        /** One pass from the bytes; a record that does not bind is read again as a tree for the reason. */
        private T bind(byte[] bytes) {
            T bound;
            try {
                bound = data.readValue(bytes);
            } catch (java.io.IOException e) {
                viaTree(bytes);
                // the tree read found nothing wrong before binding: the data itself does not fit the type
                throw new PoisonRecordException("data does not match the schema: " + e.getMessage());
            }
            if (bound == null) {
                throw new PoisonRecordException("value is not a JSON object");
            }
            int version = ((VersionedData) bound).schemaVersion();
            if (version < 1 || version > maxSchemaVersion) {
                throw new PoisonRecordException("unsupported schema_version " + version);
            }
            return bound;
        }

        /** The tree first (JSON? an object? a known schema_version?), then the data bound from it. */
        private T viaTree(byte[] bytes) {
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
            try {
                return data.readValue(tree);
            } catch (java.io.IOException e) {
                throw new PoisonRecordException("data does not match the schema: " + e.getMessage());
            }
        }
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
