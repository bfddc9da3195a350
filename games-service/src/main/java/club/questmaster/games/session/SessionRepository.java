package club.questmaster.games.session;

import club.questmaster.games.game.GameView.SessionView;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class SessionRepository implements PanacheRepository<GameSession> {

    public Uni<List<GameSession>> ofGame(long gameId) {
        return list("gameId = ?1 order by startsAt, id", gameId);
    }

    /** Sessions of many games in one query, by game, in start order. */
    public Uni<Map<Long, List<SessionView>>> ofGames(Collection<Long> gameIds) {
        if (gameIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("gameId in ?1 order by startsAt, id", List.copyOf(gameIds)).map(sessions -> {
            Map<Long, List<SessionView>> byGame = new LinkedHashMap<>();
            for (GameSession s : sessions) {
                byGame.computeIfAbsent(s.gameId, k -> new ArrayList<>()).add(SessionRepository.view(s));
            }
            return byGame;
        });
    }

    public static SessionView view(GameSession s) {
        return new SessionView(s.id, s.startsAt, s.endsAt);
    }
}
