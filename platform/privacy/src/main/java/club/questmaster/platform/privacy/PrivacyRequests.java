package club.questmaster.platform.privacy;

import club.questmaster.platform.messaging.OutboxWriter;
import club.questmaster.platform.messaging.OutgoingEvent;
import club.questmaster.platform.messaging.PrivacyExportData;
import club.questmaster.platform.messaging.ProcessedEvents;
import club.questmaster.platform.messaging.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies one privacy request in one transaction: an export answer goes to the outbox (topic
 * {@code questmaster.privacy-exports}, key = the export id), so it is published if and only if it was gathered; an
 * erasure is applied by the service's {@link PrivacyParticipant}.
 */
@ApplicationScoped
public class PrivacyRequests {

    /** The {@code ce_type} of an answer on {@code questmaster.privacy-exports}. */
    public static final String ANSWER_TYPE = "questmaster.privacy.export.answered";

    /** The idempotent-consumer name of export answers in {@code processed_event}. */
    static final String CONSUMER = "privacy-exports";

    private final PrivacyParticipant participant;
    private final ProcessedEvents processed;
    private final OutboxWriter outbox;
    private final ObjectMapper json;
    private final String service;

    public PrivacyRequests(PrivacyParticipant participant, ProcessedEvents processed, OutboxWriter outbox,
            ObjectMapper json, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.participant = participant;
        this.processed = processed;
        this.outbox = outbox;
        this.json = json;
        this.service = service;
    }

    /** Answers a request once: a redelivered request is recognised by its event id and answers nothing more. */
    @WithTransaction
    public Uni<Void> answerExport(UUID requestId, String userId, String exportId) {
        return processed.firstTime(CONSUMER, requestId).chain(first -> !first ? Uni.createFrom().voidItem()
                : participant.export(userId).chain(section -> {
                    PrivacyExportData answer = new PrivacyExportData(exportId, userId, service,
                            json.valueToTree(section));
                    return outbox.append(new OutgoingEvent(UUID.randomUUID(), Topics.PRIVACY_EXPORTS, ANSWER_TYPE,
                            "/questmaster/" + service, exportId, OffsetDateTime.now(ZoneOffset.UTC), answer));
                }));
    }

    @WithTransaction
    public Uni<Void> erase(String userId) {
        return participant.erase(userId);
    }

}
