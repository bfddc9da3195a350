package club.questmaster.games.seat;

import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameRepository;
import club.questmaster.games.game.GameService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The two time-driven seat rules (contract §7): expired offers pass to the next in line; at {@code go_no_go_at} a
 * game short of {@code min_players} is cancelled. Safe with any number of replicas sweeping at once: each due game is
 * claimed in its own short transaction, its row taken {@code FOR UPDATE SKIP LOCKED}, so exactly one sweep acts on
 * it (the others skip it and claim the next), and the queue is re-read under that lock (what another sweep or a
 * request did first is seen). One game per transaction keeps each lock brief: a request on a due game waits for
 * that game only, never for a whole batch.
 */
@ApplicationScoped
public class SeatSweeps {

    /** At most this many games per rule and sweep; the rest wait for the next sweep (a second later in tests). */
    static final int MAX_GAMES_PER_SWEEP = 200;

    private final GameRepository games;
    private final WaitlistRepository waitlist;
    private final Seating seating;
    private final GameService gameService;

    public SeatSweeps(GameRepository games, WaitlistRepository waitlist, Seating seating, GameService gameService) {
        this.games = games;
        this.waitlist = waitlist;
        this.seating = seating;
        this.gameService = gameService;
    }

    /** @return how many games had offers expire */
    public Uni<Integer> expireOffers() {
        return eachDueGame(() -> waitlist.lockGameWithExpiredOffers(OffsetDateTime.now()),
                game -> seating.of(game).chain(state -> seating.expire(state, OffsetDateTime.now())).replaceWithVoid());
    }

    /** @return how many games reached their go/no-go instant (cancelled or confirmed) */
    public Uni<Integer> decideGoNoGo() {
        return eachDueGame(() -> lockGameDueForGoNoGo(OffsetDateTime.now()), game -> games.playerIds(game.id)
                .chain(players -> {
                    if (players.size() >= game.minPlayers) {
                        game.goNoGoDecided = true;
                        return Uni.createFrom().voidItem();
                    }
                    return gameService.cancelled(game, null, "Nombre minimum de joueur·euses non atteint ("
                            + players.size() + "/" + game.minPlayers + ").").replaceWithVoid();
                }));
    }

    private Uni<List<Long>> lockGameDueForGoNoGo(OffsetDateTime now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT id FROM game WHERE go_no_go_at <= :now AND NOT go_no_go_decided"
                        + " AND status IN ('open', 'closed') ORDER BY go_no_go_at, id LIMIT 1"
                        + " FOR UPDATE SKIP LOCKED", Long.class)
                .setParameter("now", now)
                .getResultList());
    }

    /**
     * Claims due games one transaction at a time ({@code claim} locks at most one and answers its id) and applies
     * {@code step} to each, until none is left unclaimed or {@link #MAX_GAMES_PER_SWEEP} were handled.
     */
    private Uni<Integer> eachDueGame(Supplier<Uni<List<Long>>> claim, Function<Game, Uni<Void>> step) {
        return Multi.createBy().repeating()
                .uni(() -> Panache.withTransaction(() -> claim.get().chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(false)
                        : games.findById(ids.get(0)).chain(game -> step.apply(game)).replaceWith(true))))
                .whilst(Boolean::booleanValue)
                .select().first(MAX_GAMES_PER_SWEEP)
                .filter(Boolean::booleanValue)
                .collect().with(java.util.stream.Collectors.counting())
                .map(Long::intValue);
    }
}
