package club.questmaster.games.game;

import club.questmaster.platform.security.Caller;
import club.questmaster.platform.security.Callers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deprecated alias of the platform {@link Callers}, kept only because the {@code live} package (owned by the lead,
 * landed before games-service moved to the platform {@link Caller}) still injects it. Everything else uses
 * {@link Callers}; switch {@code live} to it and delete this class.
 */
@Deprecated(forRemoval = true)
@ApplicationScoped
public class Actors {

    private final Callers callers;

    public Actors(Callers callers) {
        this.callers = callers;
    }

    public Uni<Caller> current() {
        return callers.current();
    }
}
