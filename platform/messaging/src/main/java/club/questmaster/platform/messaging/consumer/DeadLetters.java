package club.questmaster.platform.messaging.consumer;

import club.questmaster.platform.messaging.KafkaClients;
import club.questmaster.platform.messaging.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a poison record to {@code <topic>.dlq} (events.md): the original key, value and headers, plus the same headers
 * SmallRye's dead-letter-queue strategy writes: {@code dead-letter-reason}, {@code dead-letter-topic},
 * {@code dead-letter-partition}, {@code dead-letter-offset}. One record at a time, acknowledged by all in-sync replicas
 * before the source record is acknowledged, so a dead letter is never lost either.
 *
 * <p>A plain producer rather than an emitter channel: a poison record may have a null value, which a Reactive Messaging
 * payload cannot carry.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final KafkaClients clients;
    private volatile KafkaProducer<String, byte[]> producer;

    public DeadLetters(KafkaClients clients) {
        this.clients = clients;
    }

    /** Completes once the dead letter is acknowledged; fails if the broker refuses or does not answer in time. */
    public Uni<Void> send(ConsumerRecord<String, byte[]> source, String reason) {
        // send() may block on the first metadata fetch: never on the event loop.
        return Uni.createFrom().completionStage(() -> {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            producer().send(deadLetter(source, reason), (metadata, error) -> {
                if (error != null) {
                    ack.completeExceptionally(error);
                } else {
                    ack.complete(null);
                }
            });
            return ack;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    static ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> source, String reason) {
        RecordHeaders headers = new RecordHeaders(source.headers().toArray());
        headers.remove(REASON).remove(TOPIC).remove(PARTITION).remove(OFFSET);
        headers.add(new RecordHeader(REASON, bytes(reason)));
        headers.add(new RecordHeader(TOPIC, bytes(source.topic())));
        headers.add(new RecordHeader(PARTITION, bytes(Integer.toString(source.partition()))));
        headers.add(new RecordHeader(OFFSET, bytes(Long.toString(source.offset()))));
        return new ProducerRecord<>(source.topic() + Topics.DLQ_SUFFIX, null, source.key(), source.value(), headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> kafka = producer;
        if (kafka == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = clients.producer("dead-letters", Map.of("delivery.timeout.ms", "30000",
                            "request.timeout.ms", "10000", "max.block.ms", "10000"));
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
