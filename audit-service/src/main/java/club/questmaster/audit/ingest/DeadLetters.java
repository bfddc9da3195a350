package club.questmaster.audit.ingest;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends unreadable records to the dead-letter topic, as SmallRye's dead-letter-queue strategy would (same headers),
 * which batch consumption cannot use: the original key, value and headers, plus {@code dead-letter-reason},
 * {@code dead-letter-topic}, {@code dead-letter-partition} and {@code dead-letter-offset}. {@code acks=all} and
 * idempotent: the batch is acknowledged only once every dead letter of it is durably written.
 *
 * <p>A plain producer rather than an emitter channel: a poison record may have a null value, which a reactive
 * messaging payload cannot carry.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    /** A record that could not be read, and why. */
    public record Poison(ConsumerRecord<String, byte[]> record, String reason) {
    }

    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private volatile KafkaProducer<String, byte[]> producer;

    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "questmaster.audit.dead-letter-topic") String topic) {
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
    }

    /** Completes once every record is acknowledged by all in-sync replicas. */
    public Uni<Void> send(List<Poison> poisons) {
        if (poisons.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // send() may block on the first metadata fetch: never on the event loop.
        return Uni.createFrom().completionStage(() -> {
            KafkaProducer<String, byte[]> kafka = producer();
            CompletableFuture<?>[] acks = poisons.stream().map(p -> {
                CompletableFuture<Void> ack = new CompletableFuture<>();
                kafka.send(deadLetter(p), (metadata, error) -> {
                    if (error != null) {
                        ack.completeExceptionally(error);
                    } else {
                        ack.complete(null);
                    }
                });
                return ack;
            }).toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(acks);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }

    private ProducerRecord<String, byte[]> deadLetter(Poison poison) {
        ConsumerRecord<String, byte[]> source = poison.record();
        RecordHeaders headers = new RecordHeaders(source.headers().toArray());
        headers.remove(REASON).remove(TOPIC).remove(PARTITION).remove(OFFSET);
        headers.add(new RecordHeader(REASON, bytes(poison.reason())));
        headers.add(new RecordHeader(TOPIC, bytes(source.topic())));
        headers.add(new RecordHeader(PARTITION, bytes(Integer.toString(source.partition()))));
        headers.add(new RecordHeader(OFFSET, bytes(Long.toString(source.offset()))));
        return new ProducerRecord<>(topic, null, source.key(), source.value(), headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> kafka = producer;
        if (kafka == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> config = new HashMap<>();
                    kafkaConfig.forEach((key, value) -> {
                        if (ProducerConfig.configNames().contains(key) || key.startsWith("sasl.")
                                || key.startsWith("ssl.") || key.equals("security.protocol")) {
                            config.put(key, value);
                        }
                    });
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "audit-service-dead-letters");
                    producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
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
