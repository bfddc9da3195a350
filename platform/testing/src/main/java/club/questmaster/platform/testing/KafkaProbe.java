package club.questmaster.platform.testing;

import club.questmaster.platform.messaging.CloudEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads what reaches a topic from the moment it is opened, and produces test records, against the real broker.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private KafkaProbe(String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap());
        props.put("enable.auto.commit", "false");
        props.put("isolation.level", "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Starts reading {@code topic} at its current end. */
    public static KafkaProbe open(String topic) {
        return new KafkaProbe(topic);
    }

    /** Waits until {@code count} records matching {@code filter} arrived; returns all matching records so far. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> filter, int count,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, String>> matching = seen.stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " matching records within " + timeout + ", got "
                        + matching.size() + "; all seen: " + seen.stream().map(KafkaProbe::describe).toList());
            }
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
    }

    /** Everything that arrived during {@code quiet} (to assert that nothing else was emitted). */
    public List<ConsumerRecord<String, String>> drain(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /**
     * The whole topic on the broker at {@code bootstrap}, from its beginning, read until nothing new came for
     * {@code quiet} (for tests that check everything a run produced, such as after a crash and restart).
     */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, Duration quiet) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("enable.auto.commit", "false");
        props.put("isolation.level", "read_committed");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < quiet.toNanos()) {
                var batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    batch.forEach(all::add);
                    quietSince = System.nanoTime();
                }
            }
        }
        return all;
    }

    public static String header(ConsumerRecord<String, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Predicate<ConsumerRecord<String, String>> type(String ceType) {
        return r -> ceType.equals(header(r, CloudEvents.TYPE));
    }

    public static Predicate<ConsumerRecord<String, String>> subject(String subject) {
        return r -> subject.equals(r.key());
    }

    private static String describe(ConsumerRecord<String, String> r) {
        return r.key() + ":" + header(r, CloudEvents.TYPE);
    }

    /** Produces one CloudEvent record (binary mode), as the services' outbox does, and waits for the ack. */
    public static void produce(String topic, String key, String ceType, String source, Map<String, String> extraHeaders,
            String json) {
        try {
            KafkaProducer<String, String> producer = PRODUCERS.computeIfAbsent(bootstrap(), KafkaProbe::newProducer);
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            add(record, CloudEvents.SPEC_VERSION, "1.0");
            add(record, CloudEvents.ID, UUID.randomUUID().toString());
            add(record, CloudEvents.SOURCE, source);
            add(record, CloudEvents.TYPE, ceType);
            add(record, CloudEvents.TIME, OffsetDateTime.now().toString());
            add(record, CloudEvents.SUBJECT, key);
            add(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
            extraHeaders.forEach((k, v) -> add(record, k, v));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    /** One producer per broker for the whole test run (a new one per record costs a connection and a handshake). */
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static KafkaProducer<String, String> newProducer(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> producer.close(Duration.ofSeconds(2))));
        return producer;
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
