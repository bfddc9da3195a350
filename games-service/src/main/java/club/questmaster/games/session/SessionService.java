package club.questmaster.games.session;

import club.questmaster.games.events.GameEvents;
import club.questmaster.platform.security.Caller;
import club.questmaster.games.game.GameAccess;
import club.questmaster.games.game.GameRepository;
import club.questmaster.games.game.GameView.SessionView;
import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.web.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Sessions of a game (rules in {@link SessionRules}); a session is only reachable through its own game. Writes lock
 * the game row first, so two concurrent sessions of one game cannot both pass the overlap check.
 */
@ApplicationScoped
public class SessionService {

    private final GameAccess access;
    private final GameRepository games;
    private final SessionRepository sessions;
    private final GameEvents events;

    public SessionService(GameAccess access, GameRepository games, SessionRepository sessions, GameEvents events) {
        this.access = access;
        this.games = games;
        this.sessions = sessions;
        this.events = events;
    }

    @WithSession
    public Uni<List<SessionView>> list(Caller caller, String slug) {
        return access.visible(caller, slug).chain(game -> sessions.ofGame(game.id))
                .map(list -> list.stream().map(SessionRepository::view).toList());
    }

    @WithTransaction
    public Uni<SessionView> create(Caller caller, String slug, OffsetDateTime start, OffsetDateTime end) {
        return access.lockManaged(caller, slug).chain(game -> sessions.ofGame(game.id).chain(existing -> {
            SessionRules.check(game, start, end, existing, null);
            return sessions.persistAndFlush(new GameSession(game.id, start, end))
                    .call(s -> games.playerIds(game.id).chain(players -> events.sessionCreated(game, players,
                            caller.id(), span(s))))
                    .map(SessionRepository::view);
        }));
    }

    /** Partial: an absent start or end keeps its value; the edited session never conflicts with itself. */
    @WithTransaction
    public Uni<SessionView> update(Caller caller, String slug, long sessionId, OffsetDateTime start,
            OffsetDateTime end) {
        return access.lockManaged(caller, slug).chain(game -> sessions.ofGame(game.id).chain(existing -> {
            GameSession session = ofGame(existing, sessionId);
            OffsetDateTime newStart = start != null ? start : session.startsAt;
            OffsetDateTime newEnd = end != null ? end : session.endsAt;
            SessionRules.check(game, newStart, newEnd, existing, session.id);
            GameEventData.Session previous = new GameEventData.Session(null, session.startsAt, session.endsAt);
            session.startsAt = newStart;
            session.endsAt = newEnd;
            return sessions.flush()
                    .chain(() -> games.playerIds(game.id))
                    .chain(players -> events.sessionEdited(game, players, caller.id(), previous, span(session)))
                    .map(v -> SessionRepository.view(session));
        }));
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String slug, long sessionId) {
        return access.lockManaged(caller, slug).chain(game -> sessions.ofGame(game.id).chain(existing -> {
            GameSession session = ofGame(existing, sessionId);
            SessionRules.checkWritable(game);
            GameEventData.Session span = span(session);
            return sessions.delete(session).chain(() -> sessions.flush())
                    .chain(() -> games.playerIds(game.id))
                    .chain(players -> events.sessionDeleted(game, players, caller.id(), span));
        }));
    }

    /**
     * The session, only if it belongs to this game (the original did not check, docs/original-rules.md#quirks; 404
     * otherwise).
     */
    private static GameSession ofGame(List<GameSession> sessionsOfGame, long sessionId) {
        return sessionsOfGame.stream().filter(s -> s.id == sessionId).findFirst()
                .orElseThrow(() -> ApiException.notFound("Aucune session " + sessionId + " dans cette annonce."));
    }

    private static GameEventData.Session span(GameSession s) {
        return new GameEventData.Session(Long.toString(s.id), s.startsAt, s.endsAt);
    }
}
