package club.questmaster.platform.messaging.consumer;

import club.questmaster.platform.messaging.KafkaClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * {@code questmaster_consumer_lag{consumer,topic,partition}}: records not yet processed, as the end offset minus the
 * group's committed offset, read with one admin client for all the service's consumers, on its own thread. Unlike the
 * Kafka client's {@code records-lag} (measured at each fetch, so frozen while a consumer holds its position on a
 * database outage), this keeps growing when nothing is processed, which is what an alert needs. A frozen broker only
 * delays the next measurement (every call has a timeout); nothing waits on it.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final long CALL_TIMEOUT_SECONDS = 5;

    private record Group(String consumer, String topic, String groupId) {
    }

    private final KafkaClients clients;
    private final ConsumerConfig config;
    private final MeterRegistry registry;
    private final List<Group> groups = new CopyOnWriteArrayList<>();
    private final Map<String, Long> lags = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;
    private Admin admin;

    public ConsumerLag(KafkaClients clients, ConsumerConfig config, MeterRegistry registry) {
        this.clients = clients;
        this.config = config;
        this.registry = registry;
    }

    synchronized void watch(String consumer, String topic, String groupId) {
        groups.add(new Group(consumer, topic, groupId));
        if (timer == null) {
            admin = clients.admin("consumer-lag", Map.of("request.timeout.ms", "5000",
                    "default.api.timeout.ms", "5000"));
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "consumer-lag");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::measureAll, 0, config.lagInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            admin.close(Duration.ofSeconds(2));
        }
    }

    private void measureAll() {
        for (Group group : groups) {
            try {
                measure(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.debugf(e, "could not measure the lag of consumer group %s", group.groupId());
            }
        }
    }

    private void measure(Group group) throws Exception {
        String topic = group.topic();
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        partitions.forEach(p -> {
            latest.put(p, OffsetSpec.latest());
            earliest.put(p, OffsetSpec.earliest());
        });
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                .get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            // Never committed: the group starts at the earliest retained record (auto.offset.reset=earliest).
            long position = done != null ? done.offset() : starts.get(partition).offset();
            long lag = Math.max(0, ends.get(partition).offset() - position);
            String key = group.consumer() + "/" + partition;
            if (lags.put(key, lag) == null) {
                Gauge.builder("questmaster.consumer.lag", lags, m -> m.getOrDefault(key, 0L))
                        .description("Records not yet processed (end offset - committed offset)")
                        .tag("consumer", group.consumer()).tag("topic", topic)
                        .tag("partition", Integer.toString(partition.partition())).register(registry);
            }
        }
    }
}
