package club.questmaster.games.seat;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs {@link SeatSweeps} on every replica ({@code questmaster.games.seats.sweep-every}); non-blocking. */
@ApplicationScoped
public class SeatScheduler {

    private static final Logger LOG = Logger.getLogger(SeatScheduler.class);

    private final SeatSweeps sweeps;

    public SeatScheduler(SeatSweeps sweeps) {
        this.sweeps = sweeps;
    }

    @Scheduled(every = "${questmaster.games.seats.sweep-every:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return sweeps.expireOffers().chain(expired -> sweeps.decideGoNoGo().invoke(decided -> {
                    if (expired > 0 || decided > 0) {
                        // Which replica acted on how many games: with several replicas, each due game is one's.
                        LOG.infof("Seat sweep: offers expired on %d games, go/no-go decided on %d", expired, decided);
                    }
                })).replaceWithVoid()
                // A failed sweep (database away) is retried by the next one; nothing is lost.
                .onFailure().invoke(e -> LOG.warnf("Seat sweep failed, retried at the next tick: %s", e.toString()))
                .onFailure().recoverWithNull();
    }
}
