package club.questmaster.platform.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one contract consumer did (Prometheus: {@code questmaster_consumer_*{consumer="..."}}): records processed
 * (effect applied or found already applied), attempts retried, records dead-lettered, and the age of the oldest record
 * it holds unprocessed. The lag per partition is {@link ConsumerLag}'s.
 */
final class ConsumerMetrics {

    private final Counter processed;
    private final Counter retried;
    private final Counter deadLettered;
    /** Kafka timestamps (ms) of the records in hand and not yet done, with how many records share each. */
    private final ConcurrentSkipListMap<Long, AtomicLong> inHand = new ConcurrentSkipListMap<>();

    ConsumerMetrics(MeterRegistry registry, String consumer) {
        processed = Counter.builder("questmaster.consumer.processed").tag("consumer", consumer)
                .description("Records whose effect is committed (or was already)").register(registry);
        retried = Counter.builder("questmaster.consumer.retried").tag("consumer", consumer)
                .description("Attempts that failed transiently and were retried, holding the partition")
                .register(registry);
        deadLettered = Counter.builder("questmaster.consumer.dead.lettered").tag("consumer", consumer)
                .description("Poison records sent to <topic>.dlq").register(registry);
        Gauge.builder("questmaster.consumer.oldest.unprocessed.age", this, ConsumerMetrics::oldestAgeSeconds)
                .tag("consumer", consumer).baseUnit("seconds")
                .description("Age (since it was produced) of the oldest record received and not yet processed")
                .register(registry);
    }

    void taken(long timestamp) {
        inHand.computeIfAbsent(timestamp, t -> new AtomicLong()).incrementAndGet();
    }

    void released(long timestamp) {
        inHand.computeIfPresent(timestamp, (t, count) -> count.decrementAndGet() == 0 ? null : count);
    }

    void processed(int records) {
        processed.increment(records);
    }

    void retried() {
        retried.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    private double oldestAgeSeconds() {
        var oldest = inHand.firstEntry();
        return oldest == null ? 0 : Math.max(0, System.currentTimeMillis() - oldest.getKey()) / 1000.0;
    }
}
