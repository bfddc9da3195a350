package club.questmaster.games.game;

import club.questmaster.games.game.GameView.SessionView;
import club.questmaster.games.session.SessionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Games as the API shows them: the entity with its roster and sessions, read in as few queries as possible. */
@ApplicationScoped
public class GameViews {

    private final GameRepository games;
    private final SessionRepository sessions;

    public GameViews(GameRepository games, SessionRepository sessions) {
        this.games = games;
        this.sessions = sessions;
    }

    public Uni<GameView> of(Game game) {
        return games.playerIds(game.id).chain(players -> of(game, players));
    }

    /** For a caller that already holds the roster (read once in its transaction): only the sessions are read. */
    public Uni<GameView> of(Game game, List<String> players) {
        return sessions.ofGame(game.id)
                .map(list -> GameView.of(game, players, list.stream().map(SessionRepository::view).toList()));
    }

    /** Views of many games, in the given order, with three queries whatever their number. */
    public Uni<List<GameView>> ofIds(List<Long> ids) {
        return games.findByIds(ids).chain(found -> games.playerIds(ids).chain(players -> sessions.ofGames(ids)
                .map(byGame -> {
                    Map<Long, Game> byId = found.stream().collect(Collectors.toMap(g -> g.id, Function.identity()));
                    return ids.stream().map(byId::get).filter(Objects::nonNull)
                            .map(g -> GameView.of(g, players.getOrDefault(g.id, List.of()),
                                    byGame.getOrDefault(g.id, List.<SessionView>of())))
                            .toList();
                })));
    }
}
