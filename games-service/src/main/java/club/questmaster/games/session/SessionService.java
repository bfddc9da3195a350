package club.questmaster.games.session;

import club.questmaster.games.events.GameEvents;
import club.questmaster.games.game.Actor;
import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameRepository;
import club.questmaster.games.game.GameService;
import club.questmaster.games.game.GameStatus;
import club.questmaster.games.game.GameView.SessionView;
import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Sessions of a game (questmaster.md §4): start strictly before end, at most 24 h, no overlap within the game
 * (back-to-back is fine), none on drafts; a session is only reachable through its own game.
 */
@ApplicationScoped
public class SessionService {

    static final Duration MAX_DURATION = Duration.ofHours(24);

    private final GameService gameService;
    private final GameRepository games;
    private final SessionRepository sessions;
    private final GameEvents events;

    public SessionService(GameService gameService, GameRepository games, SessionRepository sessions,
            GameEvents events) {
        this.gameService = gameService;
        this.games = games;
        this.sessions = sessions;
        this.events = events;
    }

    @WithSession
    public Uni<List<SessionView>> list(Actor actor, String slug) {
        return gameService.visible(actor, slug).chain(game -> sessions.ofGame(game.id))
                .map(list -> list.stream().map(SessionRepository::view).toList());
    }

    @WithTransaction
    public Uni<SessionView> create(Actor actor, String slug, OffsetDateTime start, OffsetDateTime end) {
        return gameService.managed(actor, slug).chain(game -> {
            requirePublished(game);
            requireValidSpan(start, end);
            return requireNoOverlap(game, start, end, null)
                    .chain(() -> sessions.persistAndFlush(new GameSession(game.id, start, end)))
                    .call(s -> games.playerIds(game.id).chain(players -> events.sessionCreated(game, players,
                            actor.id(), span(s))))
                    .map(SessionRepository::view);
        });
    }

    /** Partial: an absent start or end keeps its value; the edited session never conflicts with itself. */
    @WithTransaction
    public Uni<SessionView> update(Actor actor, String slug, long sessionId, OffsetDateTime start,
            OffsetDateTime end) {
        return gameService.managed(actor, slug).chain(game -> ofGame(game, sessionId).chain(session -> {
            requirePublished(game);
            OffsetDateTime newStart = start != null ? start : session.startsAt;
            OffsetDateTime newEnd = end != null ? end : session.endsAt;
            requireValidSpan(newStart, newEnd);
            GameEventData.Session previous = new GameEventData.Session(null, session.startsAt, session.endsAt);
            return requireNoOverlap(game, newStart, newEnd, session.id).chain(() -> {
                session.startsAt = newStart;
                session.endsAt = newEnd;
                return sessions.flush();
            }).chain(() -> games.playerIds(game.id))
                    .chain(players -> events.sessionEdited(game, players, actor.id(), previous, span(session)))
                    .map(v -> SessionRepository.view(session));
        }));
    }

    @WithTransaction
    public Uni<Void> delete(Actor actor, String slug, long sessionId) {
        return gameService.managed(actor, slug).chain(game -> ofGame(game, sessionId).chain(session -> {
            GameEventData.Session span = span(session);
            return sessions.delete(session).chain(() -> sessions.flush())
                    .chain(() -> games.playerIds(game.id))
                    .chain(players -> events.sessionDeleted(game, players, actor.id(), span));
        }));
    }

    /** The session, only if it belongs to this game (the original did not check; 404 otherwise). */
    private Uni<GameSession> ofGame(Game game, long sessionId) {
        return sessions.findById(sessionId).map(s -> {
            if (s == null || !s.gameId.equals(game.id)) {
                throw ApiException.notFound("Aucune session " + sessionId + " dans cette annonce.");
            }
            return s;
        });
    }

    private static void requirePublished(Game game) {
        if (game.status() == GameStatus.DRAFT) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION,
                    "Impossible d'ajouter une session à un brouillon. Publiez d'abord l'annonce.");
        }
    }

    static void requireValidSpan(OffsetDateTime start, OffsetDateTime end) {
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_DURATION) > 0) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "Dates de session invalides : la fin doit suivre le "
                    + "début et la session ne peut excéder 24 heures.",
                    List.of(new club.questmaster.platform.web.Problem.FieldError("end",
                            "must be after start and at most 24 hours later")), null);
        }
    }

    private Uni<Void> requireNoOverlap(Game game, OffsetDateTime start, OffsetDateTime end, Long except) {
        return sessions.overlaps(game.id, start, end, except).map(overlap -> {
            if (overlap) {
                throw new ApiException(ErrorCode.SESSION_CONFLICT,
                        "La session chevauche une session existante de cette annonce.");
            }
            return null;
        }).replaceWithVoid();
    }

    private static GameEventData.Session span(GameSession s) {
        return new GameEventData.Session(Long.toString(s.id), s.startsAt, s.endsAt);
    }
}
