package club.questmaster.games.live;

import club.questmaster.games.game.GameRepository;
import club.questmaster.games.game.GameViews;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A game's current live state read from the database (for events without the v1.1 counts). */
@ApplicationScoped
public class LiveStates {

    private final GameRepository games;
    private final GameViews views;

    public LiveStates(GameRepository games, GameViews views) {
        this.games = games;
        this.views = views;
    }

    /** Null when the game is gone (a deleted draft). */
    @WithSession
    public Uni<LiveState> current(long gameId) {
        return games.findById(gameId).chain(game -> game == null ? Uni.createFrom().nullItem()
                : views.of(game).map(LiveState::of));
    }
}
