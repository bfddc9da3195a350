package club.questmaster.platform.privacy;

import club.questmaster.platform.messaging.PrivacyExportData;
import club.questmaster.platform.messaging.ProcessedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Applies one privacy request of api.md §8 with this service's {@link PrivacyParticipant}.
 *
 * <p>An export request is answered at least once: the section is gathered in one transaction, sent, and only once the
 * broker acknowledged the answer is the request marked answered in {@code processed_event} (second transaction). A
 * crash or a broker outage between the two answers again on the redelivery, which is harmless (users-service keeps
 * one answer per export and service); a marked request (a replay of the topic) is not answered again.
 *
 * <p>An erasure is applied every time it is read, in one transaction: it is idempotent, so a replay of the whole topic
 * removes nothing more and brings nothing back.
 */
@ApplicationScoped
public class PrivacyRequests {

    /** The idempotent-consumer name of answered export requests in {@code processed_event}. */
    static final String CONSUMER = "privacy-exports";

    private final PrivacyParticipant participant;
    private final ProcessedEvents processed;
    private final PrivacyAnswers answers;
    private final ObjectMapper json;

    public PrivacyRequests(PrivacyParticipant participant, ProcessedEvents processed, PrivacyAnswers answers,
            ObjectMapper json) {
        this.participant = participant;
        this.processed = processed;
        this.answers = answers;
        this.json = json;
    }

    public Uni<Void> answerExport(UUID requestId, String userId, String exportId) {
        // The broker acknowledges on its own thread: the second transaction must start back on this Vert.x context.
        Executor here = onThisContext();
        return Panache.withTransaction(() -> answered(requestId)
                .chain(answered -> answered ? Uni.createFrom().<JsonNode>nullItem()
                        : participant.export(userId).map(section -> (JsonNode) json.valueToTree(section))))
                .chain(section -> section == null ? Uni.createFrom().voidItem()
                        : answers.send(new PrivacyExportData(exportId, userId, answers.service(), section))
                                .emitOn(here)
                                .chain(() -> Panache.withTransaction(() -> processed.firstTime(CONSUMER, requestId)))
                                .replaceWithVoid());
    }

    private static Executor onThisContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    private static Uni<Boolean> answered(UUID requestId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer = :consumer AND event_id = :eventId", Long.class)
                .setParameter("consumer", CONSUMER).setParameter("eventId", requestId).getSingleResult())
                .map(count -> count > 0);
    }

    public Uni<Void> erase(String userId) {
        return Panache.withTransaction(() -> participant.erase(userId));
    }
}
