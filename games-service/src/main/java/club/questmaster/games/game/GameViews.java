package club.questmaster.games.game;

import club.questmaster.games.game.GameView.Queue;
import club.questmaster.games.game.GameView.SessionView;
import club.questmaster.games.seat.WaitlistRepository;
import club.questmaster.games.session.SessionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Games as the API shows them: the entity with its roster, sessions and queue counts, read in as few queries as
 * possible.
 */
@ApplicationScoped
public class GameViews {

    private final GameRepository games;
    private final SessionRepository sessions;
    private final WaitlistRepository waitlist;

    public GameViews(GameRepository games, SessionRepository sessions, WaitlistRepository waitlist) {
        this.games = games;
        this.sessions = sessions;
        this.waitlist = waitlist;
    }

    public Uni<GameView> of(Game game) {
        return games.playerIds(game.id).chain(players -> of(game, players));
    }

    /** For a caller that already holds the roster (read once in its transaction). */
    public Uni<GameView> of(Game game, List<String> players) {
        return sessions.ofGame(game.id).chain(list -> waitlist.counts(game.id).map(queue -> GameView.of(game, players,
                list.stream().map(SessionRepository::view).toList(), queue)));
    }

    /** Views of many games, in the given order, with four queries whatever their number. */
    public Uni<List<GameView>> ofIds(List<Long> ids) {
        return games.findByIds(ids).chain(found -> games.playerIds(ids).chain(players -> sessions.ofGames(ids)
                .chain(byGame -> waitlist.counts(ids).map(queues -> {
                    Map<Long, Game> byId = found.stream().collect(Collectors.toMap(g -> g.id, Function.identity()));
                    return ids.stream().map(byId::get).filter(Objects::nonNull)
                            .map(g -> GameView.of(g, players.getOrDefault(g.id, List.of()),
                                    byGame.getOrDefault(g.id, List.<SessionView>of()),
                                    queues.getOrDefault(g.id, Queue.NONE)))
                            .toList();
                }))));
    }
}
