package club.questmaster.games.seat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code questmaster.games.seats.*}: the waitlist's clock (shortened by the tests). */
@ConfigMapping(prefix = "questmaster.games.seats")
public interface SeatsConfig {

    /** The length of one of a game's {@code waitlist_offer_hours}: an hour, except in tests. */
    @WithDefault("PT1H")
    Duration offerHour();

    /**
     * How often each replica sweeps expired offers and due go/no-go decisions (the contract allows 60 s after the
     * deadline; the sweep itself is safe with any number of replicas). Read by {@link SeatScheduler}'s
     * {@code @Scheduled} expression.
     */
    @WithDefault("15s")
    String sweepEvery();
}
