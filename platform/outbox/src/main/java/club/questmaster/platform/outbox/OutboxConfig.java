package club.questmaster.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "questmaster.outbox")
public interface OutboxConfig {

    /** Whether this instance relays the outbox to Kafka (several replicas may; one is active at a time). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per transaction. */
    @WithDefault("500")
    int batchSize();

    /** Fallback poll when no notification arrives (the notification is the normal wake-up). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a failing broker is waited for per batch before the batch is retried. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Sent rows are kept this long, for inspection, then deleted. */
    @WithDefault("P1D")
    Duration retention();
}
