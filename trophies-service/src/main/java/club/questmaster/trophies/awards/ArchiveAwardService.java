package club.questmaster.trophies.awards;

import club.questmaster.platform.messaging.ProcessedEvents;
import club.questmaster.trophies.catalog.TrophyService;
import club.questmaster.trophies.holding.HoldingService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Applies a {@code questmaster.game.archived} event exactly once: the event id is marked processed in the same
 * transaction as the awards, so a redelivery, a replay of the topic or a crash before the commit can neither skip
 * nor repeat them. The game is also claimed, so a second archive event of the same game gives nothing.
 */
@ApplicationScoped
public class ArchiveAwardService {

    static final String CONSUMER = "trophies-awards";
    private static final Logger LOG = Logger.getLogger(ArchiveAwardService.class);

    enum Outcome { AWARDED, ALREADY_PROCESSED, GAME_ALREADY_AWARDED }

    private final ProcessedEvents processed;
    private final GameAwardRepository games;
    private final TrophyService trophies;
    private final HoldingService holdings;

    public ArchiveAwardService(ProcessedEvents processed, GameAwardRepository games, TrophyService trophies,
            HoldingService holdings) {
        this.processed = processed;
        this.games = games;
        this.trophies = trophies;
        this.holdings = holdings;
    }

    @WithTransaction
    public Uni<Outcome> award(ArchiveAward award) {
        return processed.firstTime(CONSUMER, award.eventId()).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(Outcome.ALREADY_PROCESSED);
            }
            return games.claim(award.gameId(), award.eventId()).chain(claimed -> claimed
                    ? give(award).replaceWith(Outcome.AWARDED)
                    : Uni.createFrom().item(Outcome.GAME_ALREADY_AWARDED));
        }).invoke(outcome -> LOG.infof("badges of archived game %s (event %s): %s", award.gameId(), award.eventId(),
                outcome));
    }

    private Uni<Void> give(ArchiveAward award) {
        return trophies.require(award.gmTrophyId())
                .chain(gmTrophy -> holdings.award(award.gmId(), gmTrophy))
                .chain(() -> trophies.require(award.playerTrophyId()))
                .chain(playerTrophy -> Multi.createFrom().iterable(award.playerIds())
                        .onItem().transformToUniAndConcatenate(player -> holdings.award(player, playerTrophy))
                        .collect().last())
                .replaceWithVoid();
    }
}
