package club.questmaster.audit.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code questmaster_audit_consumer_lag{partition}}: records of questmaster.game-events not yet stored, as end offset
 * minus the group's committed offset, read with an admin client every 10 s. Unlike the Kafka client's own
 * {@code records-lag} (measured at each fetch, so frozen while the consumer is stuck, e.g. on a database outage),
 * this keeps growing when nothing is being stored, which is what an alert needs.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final Duration EVERY = Duration.ofSeconds(10);

    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final String group;
    private final MeterRegistry meters;
    private final Map<Integer, Long> lagByPartition = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;
    private Admin admin;

    public ConsumerLag(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "mp.messaging.incoming.game-events.topic") String topic,
            @ConfigProperty(name = "mp.messaging.incoming.game-events.group.id") String group, MeterRegistry meters) {
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
        this.group = group;
        this.meters = meters;
    }

    void start(@Observes StartupEvent started) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key) || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "audit-service-lag");
        admin = Admin.create(config);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "consumer-lag");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::measure, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdownNow();
            admin.close(Duration.ofSeconds(2));
        }
    }

    private void measure() {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            partitions.forEach(p -> {
                latest.put(p, OffsetSpec.latest());
                earliest.put(p, OffsetSpec.earliest());
            });
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(5, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                    .get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                // Never committed: the group starts at the earliest retained record (auto.offset.reset=earliest).
                long position = done != null ? done.offset() : starts.get(partition).offset();
                long lag = Math.max(0, ends.get(partition).offset() - position);
                if (lagByPartition.put(partition.partition(), lag) == null) {
                    int p = partition.partition();
                    Gauge.builder("questmaster.audit.consumer.lag", lagByPartition, m -> m.getOrDefault(p, 0L))
                            .description("Records of " + topic + " not yet stored (end offset - committed offset)")
                            .tag("topic", topic).tag("partition", Integer.toString(p)).register(meters);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debugf(e, "could not measure the consumer lag of %s", group);
        }
    }
}
