package club.questmaster.games.poll;

import club.questmaster.games.events.GameEvents;
import club.questmaster.platform.security.Caller;
import club.questmaster.games.game.GamePermissions;
import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameAccess;
import club.questmaster.games.game.GameRepository;
import club.questmaster.games.poll.PollRequests.PollCreate;
import club.questmaster.games.session.SessionService;
import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Availability polls (contract §7; rules in {@link PollRules}). Every write locks the game row first, like every
 * other change of a game, so answers, the pick and the game's events are ordered, and a pick never races an answer.
 */
@ApplicationScoped
public class PollService {

    private final GameAccess access;
    private final GameRepository games;
    private final PollRepository polls;
    private final SessionService sessions;
    private final GameEvents events;

    public PollService(GameAccess access, GameRepository games, PollRepository polls, SessionService sessions,
            GameEvents events) {
        this.access = access;
        this.games = games;
        this.polls = polls;
        this.sessions = sessions;
        this.events = events;
    }

    @WithSession
    public Uni<List<PollView>> list(Caller caller, String slug) {
        return readable(caller, slug).chain(game -> polls.allOfGame(game.id).chain(found -> found.isEmpty()
                ? Uni.createFrom().item(List.<PollView>of())
                // One Hibernate session runs one statement at a time: the views are read one after the other.
                : Uni.join().all(found.stream().map(p -> view(caller, game, p)).toList())
                        .usingConcurrencyOf(1).andFailFast()));
    }

    @WithSession
    public Uni<PollView> get(Caller caller, String slug, long pollId) {
        return readable(caller, slug).chain(game -> poll(game, pollId).chain(poll -> view(caller, game, poll)));
    }

    @WithTransaction
    public Uni<PollView> create(Caller caller, String slug, PollCreate body) {
        return access.lockManaged(caller, slug).chain(game -> {
            PollRules.checkGameTakesPolls(game);
            OffsetDateTime now = OffsetDateTime.now();
            PollRules.checkProposal(body.options(), body.closesAt(), now);
            return polls.closeExpired(game.id).chain(() -> polls.hasOpen(game.id)).chain(open -> {
                if (open) {
                    throw new ApiException(ErrorCode.POLL_ALREADY_OPEN,
                            "Un sondage est déjà ouvert pour cette annonce.");
                }
                Poll poll = new Poll();
                poll.gameId = game.id;
                poll.status = PollRules.OPEN;
                poll.closesAt = body.closesAt();
                poll.createdAt = now;
                return polls.persistAndFlush(poll)
                        .call(p -> polls.addOptions(body.options().stream()
                                .map(s -> new PollOption(p.id, s.start(), s.end())).toList()))
                        .call(p -> games.playerIds(game.id)
                                .chain(players -> events.pollCreated(game, players, caller.id(), body.options().size())))
                        .chain(p -> view(caller, game, p));
            });
        });
    }

    /** A registered player's answers replace their previous ones, while the poll is open. */
    @WithTransaction
    public Uni<PollView> answer(Caller caller, String slug, long pollId, Map<String, String> body) {
        if (caller.anonymous()) {
            return Uni.createFrom().failure(GameAccess.unauthenticated());
        }
        return access.lockVisible(caller, slug).chain(game -> games.playerIds(game.id).chain(players -> {
            if (!players.contains(caller.id())) {
                throw ApiException.forbidden("Seul·es les joueur·euses inscrit·es répondent au sondage.");
            }
            return poll(game, pollId).chain(poll -> {
                PollRules.checkOpen(poll, OffsetDateTime.now());
                return polls.options(poll.id).chain(options -> {
                    Set<Long> ids = options.stream().map(o -> o.id).collect(Collectors.toSet());
                    Map<Long, String> answers = PollRules.answers(body, ids);
                    return polls.replaceAnswers(poll.id, caller.id(), answers);
                }).chain(() -> view(caller, game, poll));
            });
        }));
    }

    /** The gm picks an option: it becomes a session under the session rules, and the poll is settled. */
    @WithTransaction
    public Uni<PollView> pick(Caller caller, String slug, long pollId, long optionId) {
        return access.lockManaged(caller, slug).chain(game -> poll(game, pollId).chain(poll -> {
            PollRules.checkOpen(poll, OffsetDateTime.now());
            return polls.options(poll.id).chain(options -> {
                PollOption option = options.stream().filter(o -> o.id == optionId).findFirst()
                        .orElseThrow(() -> ApiException.invalid("option_id", "not an option of this poll"));
                return sessions.create(caller, slug, option.startsAt, option.endsAt).chain(session -> {
                    poll.status = PollRules.PICKED;
                    poll.pickedOptionId = option.id;
                    poll.sessionId = session.id();
                    GameEventData.Session span = new GameEventData.Session(Long.toString(session.id()),
                            session.start(), session.end());
                    return polls.flush().chain(() -> games.playerIds(game.id))
                            .chain(players -> events.pollPicked(game, players, caller.id(), span));
                });
            }).chain(() -> view(caller, game, poll));
        }));
    }

    /** The gm ends the poll without picking. */
    @WithTransaction
    public Uni<PollView> close(Caller caller, String slug, long pollId) {
        return access.lockManaged(caller, slug).chain(game -> poll(game, pollId).chain(poll -> {
            PollRules.checkOpen(poll, OffsetDateTime.now());
            poll.status = PollRules.CLOSED;
            return polls.flush().chain(() -> view(caller, game, poll));
        }));
    }

    /** The gm, admins and the registered players read a game's polls; anyone else who sees the game gets 403. */
    private Uni<Game> readable(Caller caller, String slug) {
        if (caller.anonymous()) {
            return Uni.createFrom().failure(GameAccess.unauthenticated());
        }
        return access.visible(caller, slug).call(game -> GamePermissions.manages(caller, game) ? Uni.createFrom().voidItem()
                : games.playerIds(game.id).invoke(players -> {
                    if (!players.contains(caller.id())) {
                        throw ApiException.forbidden(
                                "Les sondages sont réservés au·à la MJ et aux joueur·euses inscrit·es.");
                    }
                }));
    }

    private Uni<Poll> poll(Game game, long pollId) {
        return polls.ofGame(game.id, pollId).map(poll -> {
            if (poll == null) {
                throw ApiException.notFound("Aucun sondage " + pollId + " dans cette annonce.");
            }
            return poll;
        });
    }

    /** The individual answers go to the game's managers only. */
    private Uni<PollView> view(Caller caller, Game game, Poll poll) {
        return polls.options(poll.id).chain(options -> polls.answers(poll.id).map(answers -> PollViews.of(poll,
                options, answers, caller.id(), GamePermissions.manages(caller, game), OffsetDateTime.now())));
    }
}
