package club.questmaster.platform.privacy;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.IncomingEvent;
import club.questmaster.platform.messaging.PoisonRecordException;
import club.questmaster.platform.messaging.UserEventData;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code questmaster.user-events} (channel {@code privacy-requests}, its own consumer group) for the two privacy
 * requests of api.md §8 and hands them to {@link PrivacyRequests}; every other user event is skipped unread.
 *
 * <ul>
 *   <li>{@code questmaster.user.export.requested}: answered once; a request older than {@link #EXPORT_WINDOW} (a
 *       replay of the topic) is no longer awaited by anyone and is skipped.
 *   <li>{@code questmaster.user.erased}: applied every time it is read (the erasure is idempotent), so a replay of the
 *       whole topic brings nothing back and removes nothing more.
 * </ul>
 *
 * A transient failure (database away, lock timeout) is retried with back-off, holding the record, for as long as it
 * takes (contract §6): an erasure is never dropped. Only an unreadable record goes to the DLQ (channel config).
 */
@ApplicationScoped
public class PrivacyRequestsConsumer {

    private static final Logger LOG = Logger.getLogger(PrivacyRequestsConsumer.class);
    static final Duration EXPORT_WINDOW = Duration.ofMinutes(10);

    private final PrivacyRequests requests;
    private final ObjectMapper json;

    public PrivacyRequestsConsumer(PrivacyRequests requests, ObjectMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @Incoming("privacy-requests")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        String type = header(record, CloudEvents.TYPE);
        if (!UserEventData.Types.EXPORT_REQUESTED.equals(type) && !UserEventData.Types.ERASED.equals(type)) {
            return Uni.createFrom().voidItem();
        }
        IncomingEvent<UserEventData> event = IncomingEvent.read(record, UserEventData.class, json,
                UserEventData.SCHEMA_VERSION);
        UserEventData data = event.data();
        if (data.userId() == null) {
            throw new PoisonRecordException("user_id is required");
        }
        Uni<Void> work;
        if (UserEventData.Types.ERASED.equals(type)) {
            work = onThisContext(() -> requests.erase(data.userId()));
        } else {
            if (data.exportId() == null) {
                throw new PoisonRecordException("export_id is required");
            }
            if (data.occurredAt() != null
                    && data.occurredAt().isBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(EXPORT_WINDOW))) {
                return Uni.createFrom().voidItem();
            }
            work = onThisContext(() -> requests.answerExport(event.id(), data.userId(), data.exportId()));
        }
        return work.onFailure(e -> !(e instanceof PoisonRecordException))
                .invoke(e -> LOG.warnf("Privacy request %s for %s failed, retrying: %s", type, data.userId(),
                        e.getMessage()))
                .onFailure(e -> !(e instanceof PoisonRecordException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    /**
     * The transactional work, subscribed on the record's Vert.x context each time: a retry after a back-off delay
     * would otherwise start its reactive session on a timer thread.
     */
    private static Uni<Void> onThisContext(Supplier<Uni<Void>> work) {
        Context context = Vertx.currentContext();
        Uni<Void> deferred = Uni.createFrom().deferred(() -> work.get());
        return context == null ? deferred : deferred.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private static String header(ConsumerRecord<String, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
