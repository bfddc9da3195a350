package club.questmaster.platform.privacy;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.IncomingEvent;
import club.questmaster.platform.messaging.PoisonRecordException;
import club.questmaster.platform.messaging.UserEventData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One privacy request of api.md §8 read from {@code questmaster.user-events}: an erasure or an export request.
 *
 * @param eventId    the request's {@code ce_id}
 * @param exportId   the export to answer (exports only)
 * @param occurredAt when users-service committed the request
 */
public record PrivacyRequest(Kind kind, UUID eventId, String userId, String exportId, OffsetDateTime occurredAt) {

    public enum Kind { EXPORT, ERASURE }

    /**
     * The contract reader for this consumer: every other user event is no request and is skipped without being read
     * (the users projection reads it, and dead-letters it if it must: one dead letter per bad record, not two); a
     * request without the fields it needs can never be applied.
     */
    public static Optional<PrivacyRequest> read(ConsumerRecord<String, byte[]> record, ObjectMapper json) {
        Kind kind = kindOf(record);
        if (kind == null) {
            return Optional.empty();
        }
        IncomingEvent<UserEventData> event = IncomingEvent.read(record, UserEventData.class, json,
                UserEventData.SCHEMA_VERSION);
        UserEventData data = event.data();
        if (data.userId() == null || data.userId().isBlank()) {
            throw new PoisonRecordException("user_id is required");
        }
        if (kind == Kind.EXPORT && (data.exportId() == null || data.exportId().isBlank())) {
            throw new PoisonRecordException("export_id is required");
        }
        OffsetDateTime occurredAt = data.occurredAt() != null ? data.occurredAt() : event.time();
        return Optional.of(new PrivacyRequest(kind, event.id(), data.userId(), data.exportId(), occurredAt));
    }

    /**
     * Whether nobody awaits this export any more: users-service keeps an export open for less than {@code window}, so
     * the requests a replay of the topic brings back are not answered again.
     */
    public boolean expired(OffsetDateTime now, java.time.Duration window) {
        return kind == Kind.EXPORT && occurredAt != null && occurredAt.isBefore(now.minus(window));
    }

    private static Kind kindOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEvents.TYPE);
        String type = header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.UTF_8);
        if (UserEventData.Types.EXPORT_REQUESTED.equals(type)) {
            return Kind.EXPORT;
        }
        if (UserEventData.Types.ERASED.equals(type)) {
            return Kind.ERASURE;
        }
        return null;
    }
}
