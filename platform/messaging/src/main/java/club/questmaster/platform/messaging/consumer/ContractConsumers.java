package club.questmaster.platform.messaging.consumer;

import club.questmaster.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Makes the {@link ContractConsumer} of each consumer of a contract topic: the users projection in every service,
 * audit-service's timeline, trophies-service's awards, the privacy consumers. docs/consumers.md explains the recipe.
 */
@ApplicationScoped
public class ContractConsumers {

    private final DeadLetters deadLetters;
    private final ConsumerLag lag;
    private final ConsumerConfig config;
    private final MeterRegistry registry;
    private final Config mpConfig;

    public ContractConsumers(DeadLetters deadLetters, ConsumerLag lag, ConsumerConfig config, MeterRegistry registry,
            Config mpConfig) {
        this.deadLetters = deadLetters;
        this.lag = lag;
        this.config = config;
        this.registry = registry;
        this.mpConfig = mpConfig;
    }

    /**
     * @param name            the consumer's name in metrics and logs, e.g. {@code users-projection}
     * @param channel         its incoming channel, whose {@code topic} and {@code group.id} the lag gauge watches
     * @param reader          reads a record, or refuses it as poison
     * @param idempotencyKeys the unique constraints whose violation only means "already processed" (a concurrent
     *                        redelivery), e.g. {@code processed_event_pkey}
     */
    public <R> ContractConsumer<R> create(String name, String channel, RecordReader<R> reader,
            Set<String> idempotencyKeys) {
        String prefix = "mp.messaging.incoming." + channel + ".";
        mpConfig.getOptionalValue(prefix + "topic", String.class).ifPresent(topic -> mpConfig
                .getOptionalValue(prefix + "group.id", String.class)
                .ifPresent(group -> lag.watch(name, topic, group)));
        return new ContractConsumer<>(name, reader, new FailurePolicy(idempotencyKeys,
                config.constraintViolationGrace()), deadLetters, new ConsumerMetrics(registry, name), config);
    }

    /** The contract reader ({@link IncomingEvent#reader}, built once) as a {@link RecordReader}. */
    public static <T> RecordReader<IncomingEvent<T>> events(Class<T> dataType, ObjectMapper json, int maxSchemaVersion) {
        return IncomingEvent.reader(dataType, json, maxSchemaVersion)::read;
    }
}
