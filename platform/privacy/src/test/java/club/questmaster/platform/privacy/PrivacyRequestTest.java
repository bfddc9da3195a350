package club.questmaster.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.PoisonRecordException;
import club.questmaster.platform.messaging.UserEventData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** The privacy consumer's reader: which user events are requests, and which requests can never be applied. */
class PrivacyRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String USER = "100000000000000001";

    private static ConsumerRecord<String, byte[]> record(String type, String value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("questmaster.user-events", 0, 0, USER,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            header(record, CloudEvents.TYPE, type);
        }
        header(record, CloudEvents.ID, UUID.randomUUID().toString());
        header(record, CloudEvents.SOURCE, CloudEvents.USERS_SOURCE);
        header(record, CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0);
        return record;
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anotherUserEventIsNoRequestAndIsNotReadEvenWhenUnreadable() {
        assertEquals(Optional.empty(), PrivacyRequest.read(record(UserEventData.Types.BANNED, "not json"), JSON));
        assertEquals(Optional.empty(), PrivacyRequest.read(record(null, null), JSON));
    }

    @Test
    void anErasureNamesItsUser() {
        PrivacyRequest request = PrivacyRequest.read(record(UserEventData.Types.ERASED,
                "{\"user_id\":\"" + USER + "\",\"schema_version\":1}"), JSON).orElseThrow();
        assertEquals(PrivacyRequest.Kind.ERASURE, request.kind());
        assertEquals(USER, request.userId());
    }

    @Test
    void anExportRequestNamesItsUserAndExport() {
        String exportId = UUID.randomUUID().toString();
        PrivacyRequest request = PrivacyRequest.read(record(UserEventData.Types.EXPORT_REQUESTED,
                "{\"user_id\":\"" + USER + "\",\"export_id\":\"" + exportId
                        + "\",\"occurred_at\":\"2026-12-01T10:00:00Z\",\"schema_version\":1}"), JSON).orElseThrow();
        assertEquals(PrivacyRequest.Kind.EXPORT, request.kind());
        assertEquals(exportId, request.exportId());
        assertEquals(OffsetDateTime.parse("2026-12-01T10:00:00Z"), request.occurredAt());
    }

    @Test
    void aRequestWithoutItsUserIsPoison() {
        assertThrows(PoisonRecordException.class, () -> PrivacyRequest.read(
                record(UserEventData.Types.ERASED, "{\"schema_version\":1}"), JSON));
    }

    @Test
    void anExportRequestWithoutItsExportIsPoison() {
        assertThrows(PoisonRecordException.class, () -> PrivacyRequest.read(record(
                UserEventData.Types.EXPORT_REQUESTED, "{\"user_id\":\"" + USER + "\",\"schema_version\":1}"), JSON));
    }

    @Test
    void anUnreadableRequestIsPoison() {
        assertThrows(PoisonRecordException.class, () -> PrivacyRequest.read(
                record(UserEventData.Types.ERASED, "{not json"), JSON));
    }

    @Test
    void onlyAnExportRequestOlderThanTheWindowExpires() {
        OffsetDateTime now = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        Duration window = Duration.ofMinutes(10);
        assertTrue(new PrivacyRequest(PrivacyRequest.Kind.EXPORT, UUID.randomUUID(), USER, "e",
                now.minusMinutes(11)).expired(now, window));
        assertFalse(new PrivacyRequest(PrivacyRequest.Kind.EXPORT, UUID.randomUUID(), USER, "e",
                now.minusMinutes(9)).expired(now, window));
        // an erasure is applied however old it is: a replay must never bring data back
        assertFalse(new PrivacyRequest(PrivacyRequest.Kind.ERASURE, UUID.randomUUID(), USER, null,
                now.minusDays(20)).expired(now, window));
    }
}
