package club.questmaster.platform.messaging.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How every contract consumer of the service retries (docs/consumers.md). */
@ConfigMapping(prefix = "questmaster.consumer")
public interface ConsumerConfig {

    /** Delay before the first retry of a transient failure; it doubles at each attempt. */
    @WithDefault("100ms")
    Duration firstBackoff();

    /**
     * The longest delay between two attempts. There is no give-up time: this bounds how long after a fault clears the
     * held record is applied (a ban must bite within 5 s of its commit, contract §6).
     */
    @WithDefault("2s")
    Duration maxBackoff();

    /** How long a record refused by an integrity constraint (SQLSTATE class 23) is retried before it is dead-lettered. */
    @WithDefault("10m")
    Duration constraintViolationGrace();

    /** How often the lag of every consumer group is measured (admin client, off the event loop). */
    @WithDefault("10s")
    Duration lagInterval();
}
