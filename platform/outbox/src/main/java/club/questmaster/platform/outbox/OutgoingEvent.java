package club.questmaster.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event to publish, as it is written to the outbox: its CloudEvents attributes, the record key and the JSON data.
 *
 * @param subject the game or user id; also the record key, so one subject's events share a partition and keep order
 */
public record OutgoingEvent(UUID eventId, String topic, String type, String source, String subject,
        OffsetDateTime occurredAt, Object data) {
}
