package club.questmaster.platform.messaging.consumer;

import club.questmaster.platform.messaging.PoisonRecordException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * The consumer recipe (docs/consumers.md): read with the contract reader; apply the effect; on failure ask the
 * {@link FailurePolicy}: retry with capped exponential back-off for as long as it takes, holding the partition's
 * position (the returned Uni completes, and so the record is acknowledged, only once the effect committed), or send
 * the record alone to {@code <topic>.dlq} with the reason and go on. Never both, never neither: no record is skipped
 * and none is dead-lettered because the database or the broker was away.
 *
 * <p>Every attempt runs on the Vert.x context the record was delivered on, where a Hibernate Reactive session of the
 * effect must live; retries never block a thread.
 */
public final class ContractConsumer<R> {

    private static final Logger LOG = Logger.getLogger(ContractConsumer.class);
    private static final double JITTER = 0.2;

    private final String name;
    private final RecordReader<R> reader;
    private final FailurePolicy policy;
    private final DeadLetters deadLetters;
    private final ConsumerMetrics metrics;
    private final ConsumerConfig config;

    ContractConsumer(String name, RecordReader<R> reader, FailurePolicy policy, DeadLetters deadLetters,
            ConsumerMetrics metrics, ConsumerConfig config) {
        this.name = name;
        this.reader = reader;
        this.policy = policy;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.config = config;
    }

    /** One record: its effect applied once, or the record dead-lettered; completes when either is durable. */
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record, Function<R, Uni<?>> effect) {
        metrics.taken(record.timestamp());
        return readAndApply(record, effect, onThisContext())
                .onTermination().invoke(() -> metrics.released(record.timestamp()));
    }

    /**
     * A batch: every readable record's effect in one attempt of {@code effectOfAll} (one transaction), retried whole
     * while the failure is transient. When the database refuses the batch as invalid data, the records are applied
     * one at a time with {@code effectOfOne}, to isolate the bad one: it alone is dead-lettered. Unreadable records
     * are dead-lettered one by one. Completes once every record is stored or dead-lettered.
     */
    public Uni<Void> consumeBatch(ConsumerRecords<String, byte[]> batch, Function<List<R>, Uni<?>> effectOfAll,
            Function<R, Uni<?>> effectOfOne) {
        Executor context = onThisContext();
        List<ConsumerRecord<String, byte[]>> readRecords = new ArrayList<>(batch.count());
        List<R> values = new ArrayList<>(batch.count());
        List<ConsumerRecord<String, byte[]>> unreadable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<Long> timestamps = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, byte[]> record : batch) {
            timestamps.add(record.timestamp());
            metrics.taken(record.timestamp());
            try {
                values.add(reader.read(record));
                readRecords.add(record);
            } catch (RuntimeException e) {
                unreadable.add(record);
                reasons.add(readFailure(record, e));
            }
        }
        Uni<Void> stored = values.isEmpty() ? Uni.createFrom().voidItem()
                : applyAll(values, effectOfAll, context).onFailure(SplitBatch.class).recoverWithUni(split -> {
                    LOG.warnf("%s: a batch of %d records was refused as invalid data (%s); applying them one at a"
                            + " time to isolate the bad one", name, values.size(), split.getMessage());
                    return Multi.createFrom().range(0, values.size())
                            .onItem().transformToUniAndConcatenate(i -> apply(readRecords.get(i),
                                    () -> effectOfOne.apply(values.get(i)), context))
                            .collect().last().replaceWithVoid();
                });
        return stored
                .chain(() -> Multi.createFrom().range(0, unreadable.size())
                        .onItem().transformToUniAndConcatenate(i -> deadLetter(unreadable.get(i), reasons.get(i)))
                        .collect().last().replaceWithVoid())
                .onTermination().invoke(() -> timestamps.forEach(metrics::released));
    }

    private Uni<Void> readAndApply(ConsumerRecord<String, byte[]> record, Function<R, Uni<?>> effect,
            Executor context) {
        R value;
        try {
            value = reader.read(record);
        } catch (RuntimeException e) {
            return deadLetter(record, readFailure(record, e));
        }
        return apply(record, () -> effect.apply(value), context);
    }

    private String readFailure(ConsumerRecord<String, byte[]> record, RuntimeException e) {
        if (e instanceof PoisonRecordException) {
            return e.getMessage();
        }
        // A record our reader chokes on is as unreadable as bad JSON: parked for an operator, not a stopped channel.
        LOG.errorf(e, "%s: unexpected error reading %s", name, position(record));
        return "unreadable: " + e;
    }

    /** The effect of one record, retried while transient; a poison verdict sends the record to the DLQ. */
    private Uni<Void> apply(ConsumerRecord<String, byte[]> record, java.util.function.Supplier<Uni<?>> effect,
            Executor context) {
        AtomicLong constraintRefusedSince = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        return withRetries(Uni.createFrom().deferred(effect).runSubscriptionOn(context)
                .onFailure().transform(e -> classify(e, constraintRefusedSince, false)),
                failures, position(record))
                .invoke(() -> metrics.processed(1))
                .replaceWithVoid()
                .onFailure(Poisoned.class).recoverWithUni(e -> deadLetter(record, e.getMessage()));
    }

    private Uni<Void> applyAll(List<R> values, Function<List<R>, Uni<?>> effectOfAll, Executor context) {
        AtomicInteger failures = new AtomicInteger();
        return withRetries(Uni.createFrom().deferred(() -> effectOfAll.apply(values)).runSubscriptionOn(context)
                .onFailure().transform(e -> classify(e, null, true)), failures, "a batch of " + values.size())
                .invoke(() -> metrics.processed(values.size()))
                .replaceWithVoid();
    }

    private <T> Uni<T> withRetries(Uni<T> attempt, AtomicInteger failures, String what) {
        return attempt
                .onFailure(RetryLater.class).invoke(e -> {
                    metrics.retried();
                    int n = failures.incrementAndGet();
                    // 1, 2, 4, 8... then every 100th: an outage is visible in the log without flooding it.
                    if (Integer.bitCount(n) == 1 || n % 100 == 0) {
                        LOG.warnf("%s: %s failed transiently (attempt %d), retrying, holding the partition: %s", name,
                                what, n, e.getMessage());
                    }
                })
                .onFailure(RetryLater.class).retry()
                .withBackOff(config.firstBackoff(), config.maxBackoff()).withJitter(JITTER).indefinitely();
    }

    private RuntimeException classify(Throwable failure, AtomicLong constraintRefusedSince, boolean batch) {
        if (failure instanceof RetryLater || failure instanceof Poisoned || failure instanceof SplitBatch) {
            return (RuntimeException) failure;
        }
        if (batch) {
            FailurePolicy.Decision decision = policy.decide(failure, Duration.ZERO);
            return decision.deadLetter() || policy.isConstraintViolation(failure)
                    ? new SplitBatch(decision.reason()) : new RetryLater(decision.reason());
        }
        Duration refusedFor = Duration.ZERO;
        if (policy.isConstraintViolation(failure)) {
            long now = System.nanoTime();
            constraintRefusedSince.compareAndSet(0, now);
            refusedFor = Duration.ofNanos(now - constraintRefusedSince.get());
        }
        FailurePolicy.Decision decision = policy.decide(failure, refusedFor);
        return decision.deadLetter() ? new Poisoned(decision.reason()) : new RetryLater(decision.reason());
    }

    /** Sends one record to its DLQ, retrying while the broker does not acknowledge: a dead letter is never lost. */
    private Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("%s: %s goes to the dead-letter topic: %s", name, position(record), reason);
        AtomicInteger failures = new AtomicInteger();
        return deadLetters.send(record, reason)
                .onFailure().invoke(e -> {
                    int n = failures.incrementAndGet();
                    if (Integer.bitCount(n) == 1 || n % 100 == 0) {
                        LOG.warnf("%s: the dead letter of %s is not acknowledged yet (attempt %d): %s", name,
                                position(record), n, FailurePolicy.message(e));
                    }
                })
                .onFailure().retry().withBackOff(config.firstBackoff(), config.maxBackoff()).withJitter(JITTER)
                .indefinitely()
                .invoke(metrics::deadLettered);
    }

    private static String position(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** Runs each attempt on the caller's Vert.x context (or in place outside one). */
    private static Executor onThisContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(v -> task.run());
    }

    /** A transient failure: retry later. */
    private static final class RetryLater extends RuntimeException {
        RetryLater(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A poison verdict: the record goes to the DLQ with this reason. */
    private static final class Poisoned extends RuntimeException {
        Poisoned(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A batch refused as invalid data: apply its records one at a time. */
    private static final class SplitBatch extends RuntimeException {
        SplitBatch(String reason) {
            super(reason, null, false, false);
        }
    }
}
