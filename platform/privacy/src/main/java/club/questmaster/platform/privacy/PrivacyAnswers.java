package club.questmaster.platform.privacy;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.KafkaClients;
import club.questmaster.platform.messaging.PrivacyExportData;
import club.questmaster.platform.messaging.Topics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes a service's answer to an export request on {@code questmaster.privacy-exports} (key = the export id) with
 * the platform's producer ({@link KafkaClients}: {@code acks=all}, idempotent), as a CloudEvent of type
 * {@link #TYPE}. No outbox: an answer reports no change of this service's data, so there is nothing to commit with
 * it; the request is simply not acknowledged before the answer is (see {@link PrivacyRequests}).
 */
@ApplicationScoped
public class PrivacyAnswers {

    /** The {@code ce_type} of an answer on {@code questmaster.privacy-exports}. */
    public static final String TYPE = "questmaster.privacy.export.answered";

    /** The largest answer the producer sends, before compression. */
    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final KafkaClients clients;
    private final ObjectMapper json;
    private final String service;
    private volatile KafkaProducer<String, byte[]> producer;

    public PrivacyAnswers(KafkaClients clients, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.clients = clients;
        this.json = json;
        this.service = service;
    }

    /** This service's name, as it signs its answers ({@code service} field). */
    public String service() {
        return service;
    }

    /** Completes once all in-sync replicas have the answer; fails when the broker refuses it or does not answer. */
    public Uni<Void> send(PrivacyExportData answer) {
        ProducerRecord<String, byte[]> record = record(answer);
        // send() may block on the first metadata fetch: never on the event loop.
        return Uni.createFrom().completionStage(() -> {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            producer().send(record, (metadata, error) -> {
                if (error != null) {
                    ack.completeExceptionally(error);
                } else {
                    ack.complete(null);
                }
            });
            return ack;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    ProducerRecord<String, byte[]> record(PrivacyExportData answer) {
        byte[] value;
        try {
            value = json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export answer could not be written as JSON", e);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PRIVACY_EXPORTS, answer.exportId(), value);
        header(record, CloudEvents.SPEC_VERSION, CloudEvents.SPEC_VERSION_1_0);
        header(record, CloudEvents.ID, UUID.randomUUID().toString());
        header(record, CloudEvents.SOURCE, "/questmaster/" + service);
        header(record, CloudEvents.TYPE, TYPE);
        header(record, CloudEvents.TIME, OffsetDateTime.now(ZoneOffset.UTC).toString());
        header(record, CloudEvents.SUBJECT, answer.exportId());
        header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> kafka = producer;
        if (kafka == null) {
            synchronized (this) {
                if (producer == null) {
                    // A section may be large (a gm's games, a long audit trail): gzip, and up to 4 MiB before it
                    // (JSON compresses well under the broker's default 1 MiB message limit).
                    producer = clients.producer("privacy-exports", Map.of("delivery.timeout.ms", "30000",
                            "request.timeout.ms", "10000", "max.block.ms", "10000",
                            "max.request.size", Integer.toString(MAX_ANSWER_BYTES), "compression.type", "gzip"));
                }
                kafka = producer;
            }
        }
        return kafka;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
