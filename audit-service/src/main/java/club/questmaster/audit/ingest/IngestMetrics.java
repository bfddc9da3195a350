package club.questmaster.audit.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/** What the game-events consumer did, at /q/metrics (Prometheus names: questmaster_audit_…). */
@ApplicationScoped
public class IngestMetrics {

    private final Counter stored;
    private final Counter duplicates;
    private final DistributionSummary batchSize;
    private final Timer batchWrite;

    public IngestMetrics(MeterRegistry registry) {
        stored = Counter.builder("questmaster.audit.events.stored")
                .description("Game events stored as new timeline rows").register(registry);
        duplicates = Counter.builder("questmaster.audit.events.duplicates")
                .description("Redelivered game events skipped because their event id was already stored")
                .register(registry);
        batchSize = DistributionSummary.builder("questmaster.audit.batch.size")
                .description("Records per consumed batch").register(registry);
        batchWrite = Timer.builder("questmaster.audit.batch.write")
                .description("Time to store one batch (one transaction)").register(registry);
    }

    void batchReceived(int records) {
        batchSize.record(records);
    }

    /**
     * One write committed: {@code inserted} new rows out of {@code readable} readable events. Dead letters are counted
     * by the consumer recipe ({@code questmaster_consumer_dead_lettered_total{consumer="audit-timeline"}}).
     */
    void batchStored(long startNanos, int readable, int inserted) {
        batchWrite.record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        stored.increment(inserted);
        duplicates.increment(readable - inserted);
    }
}
