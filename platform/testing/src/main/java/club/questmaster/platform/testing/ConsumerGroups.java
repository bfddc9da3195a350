package club.questmaster.platform.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * Waits until a consumer group has committed every record that is in a topic now: the way to assert that a
 * consumer did nothing with a record (duplicate, ignored type...) without sleeping. A consumer commits after
 * processing (or after sending a poison record to its DLQ), so "committed up to the end" means "all handled".
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Uses the broker of {@link KafkaProbe#bootstrap()}. */
    public static void awaitCaughtUp(String group, String topic, Duration timeout) {
        awaitCaughtUp(KafkaProbe.bootstrap(), group, topic, timeout);
    }

    public static void awaitCaughtUp(String bootstrapServers, String group, String topic, Duration timeout) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, info.offset()));
            Awaitility.await("consumer group " + group + " caught up on " + topic).atMost(timeout)
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata().get();
                        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                                || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue()));
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the offsets of " + topic, e);
        }
    }
}
