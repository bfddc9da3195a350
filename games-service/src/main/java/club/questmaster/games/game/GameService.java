package club.questmaster.games.game;

import club.questmaster.games.events.GameEvents;
import club.questmaster.games.game.GameStatus.Transition;
import club.questmaster.games.reference.ReferenceService;
import club.questmaster.games.seat.Seating;
import club.questmaster.games.seat.WaitlistRepository;
import club.questmaster.games.session.GameSession;
import club.questmaster.games.session.SessionRepository;
import club.questmaster.games.users.ProjectedUsers;
import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.security.Caller;
import club.questmaster.platform.security.KnownUser;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.PageRequest;
import club.questmaster.platform.web.PageResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Games: creation, edition, the lifecycle state machine and reads. Every write locks the game row first (through
 * {@link GameAccess}) and writes its events in the same transaction (see {@link GameEvents}). The rules themselves
 * are in {@link GameRules} and {@link GameStatus}; the field mapping in {@link GameMapper}.
 */
@ApplicationScoped
public class GameService {

    private final GameRepository games;
    private final GameAccess access;
    private final GameViews views;
    private final GameMapper mapper;
    private final Seating seating;
    private final WaitlistRepository waitlist;
    private final SessionRepository sessions;
    private final ReferenceService references;
    private final ProjectedUsers users;
    private final GameEvents events;
    private final GameListRepository list;

    public GameService(GameRepository games, GameAccess access, GameViews views, GameMapper mapper, Seating seating,
            WaitlistRepository waitlist, SessionRepository sessions, ReferenceService references,
            ProjectedUsers users, GameEvents events, GameListRepository list) {
        this.games = games;
        this.access = access;
        this.views = views;
        this.mapper = mapper;
        this.seating = seating;
        this.waitlist = waitlist;
        this.sessions = sessions;
        this.references = references;
        this.users = users;
        this.events = events;
        this.list = list;
    }

    // Reads

    @WithSession
    public Uni<GameView> get(Caller caller, String slug) {
        return access.visible(caller, slug).chain(views::of);
    }

    /** One statement per page, on the reactive pool (no Hibernate session): see {@link GameListRepository#page}. */
    public Uni<PageResult<GameView>> list(GameQuery query, PageRequest page) {
        return list.page(query, page.offset(), page.perPage())
                .map(found -> PageResult.of(found.items(), found.total(), page));
    }

    // Writes

    @WithTransaction
    public Uni<GameView> create(Caller caller, GameInput input) {
        GamePermissions.require(caller, Role.GM);
        GameRules.check(input);
        return gmOf(caller, input.gmId()).chain(gm -> references
                .requireReferences(input.systemId(), input.vttId(), input.specialEventId())
                .chain(() -> freeSlug(Slugs.base(input.name(), gm.username()), null))
                .chain(slug -> {
                    Game game = new Game();
                    game.slug = slug;
                    game.gmId = gm.id();
                    game.status(GameStatus.DRAFT, null);
                    GameMapper.apply(game, input);
                    game.createdAt = OffsetDateTime.now();
                    game.updatedAt = game.createdAt;
                    return games.persistAndFlush(game);
                }))
                .call(game -> events.created(game, List.of(), caller.id()))
                .chain(game -> views.of(game, List.of()));
    }

    /**
     * Partial update: the body is merged over the current values and the result validated like a creation
     * ({@link GameRules#checkEdit}); renaming a draft regenerates its slug.
     */
    @WithTransaction
    public Uni<GameView> update(Caller caller, String slug, ObjectNode patch) {
        return access.lockModerated(caller, slug).chain(game -> mapper.merge(game, patch).chain(merged -> {
            GameRules.Edit edit = GameRules.checkEdit(game, merged, caller.admin());
            Uni<KnownUser> newGm = edit.gmChanged() ? namedGm(merged.gmId()) : Uni.createFrom().nullItem();
            return newGm.chain(gm -> references.requireReferences(merged.systemId(), merged.vttId(),
                            merged.specialEventId())
                    .chain(() -> game.status() == GameStatus.DRAFT && edit.renamed()
                            ? (gm != null ? Uni.createFrom().item(gm.username()) : gmUsername(game.gmId, caller))
                                    .chain(username -> freeSlug(Slugs.base(merged.name(), username), game.id))
                            : Uni.createFrom().item(game.slug)))
                    .chain(newSlug -> {
                        game.slug = newSlug;
                        game.gmId = merged.gmId();
                        GameMapper.apply(game, merged);
                        game.updatedAt = OffsetDateTime.now();
                        return games.flush();
                    })
                    .chain(() -> seating.of(game))
                    .call(state -> events.edited(game, state.players(), caller.id()))
                    // A new party_size or party_selection re-runs the seat rules: offers, auto-close, auto-reopen.
                    .chain(seating::settle)
                    .chain(state -> views.of(game, state.players()));
        }));
    }

    /**
     * draft → open (or closed when silent), creating the first session from {@code date} and {@code session_length}
     * (as the original, no session event: the published event carries it).
     */
    @WithTransaction
    public Uni<GameView> publish(Caller caller, String slug, boolean silent, boolean confirmPastDate) {
        return access.lockManaged(caller, slug).chain(game -> games.playerIds(game.id).chain(players -> {
            GameRules.checkPublishable(game, players.size(), OffsetDateTime.now(), confirmPastDate);
            Transition move = silent ? Transition.PUBLISH_SILENT : Transition.PUBLISH;
            game.status(move.from(game.status()), ClosedReason.MANUAL);
            game.updatedAt = OffsetDateTime.now();
            GameSession first = new GameSession(game.id, game.date, GameRules.firstSessionEnd(game));
            return sessions.persistAndFlush(first)
                    .call(s -> events.published(game, players, caller.id(), silent,
                            new GameEventData.Session(Long.toString(s.id), s.startsAt, s.endsAt)))
                    .chain(s -> views.of(game, players));
        }));
    }

    /** Also of a game that closed itself when full: it becomes a manual close (see {@link GameRules#closeByHand}). */
    @WithTransaction
    public Uni<GameView> close(Caller caller, String slug) {
        return access.lockModerated(caller, slug).chain(game -> {
            GameRules.closeByHand(game);
            game.updatedAt = OffsetDateTime.now();
            return games.playerIds(game.id).call(players -> events.closed(game, players, caller.id()))
                    .chain(players -> views.of(game, players));
        });
    }

    /** A reopened game first offers its free seats to the queue (and closes itself again if that fills it). */
    @WithTransaction
    public Uni<GameView> reopen(Caller caller, String slug) {
        return access.lockManaged(caller, slug).chain(game -> {
            game.status(Transition.REOPEN.from(game.status()), null);
            game.updatedAt = OffsetDateTime.now();
            return seating.of(game).call(state -> events.reopened(game, state.players(), caller.id()))
                    .chain(seating::settle).chain(state -> views.of(game, state.players()));
        });
    }

    /**
     * open/closed → cancelled by its gm or an admin (contract §7): terminal, no registration, no awards; the queue is
     * dropped with it.
     */
    @WithTransaction
    public Uni<GameView> cancel(Caller caller, String slug, String reason) {
        return access.lockManaged(caller, slug).chain(game -> cancelled(game, caller.id(), reason));
    }

    /** The cancellation itself, for the gm's request and for the go/no-go decision ({@code actorId} null). */
    public Uni<GameView> cancelled(Game game, String actorId, String reason) {
        game.status(Transition.CANCEL.from(game.status()), null);
        game.cancelReason = reason == null || reason.isBlank() ? null : reason.trim();
        game.goNoGoDecided = true;
        game.updatedAt = OffsetDateTime.now();
        return waitlist.clear(game.id).chain(() -> games.playerIds(game.id))
                .call(players -> events.cancelled(game, players, actorId, game.cancelReason))
                .chain(players -> views.of(game, players));
    }

    /** Idempotent: archiving an archived game answers the game and emits nothing (no double awards). */
    @WithTransaction
    public Uni<GameView> archive(Caller caller, String slug, boolean awardTrophies) {
        return access.lockModerated(caller, slug).chain(game -> {
            if (game.status() == GameStatus.ARCHIVED) {
                return views.of(game);
            }
            game.status(Transition.ARCHIVE.from(game.status()), null);
            game.updatedAt = OffsetDateTime.now();
            return waitlist.clear(game.id).chain(() -> games.playerIds(game.id))
                    .call(players -> events.archived(game, players, caller.id(), awardTrophies))
                    .chain(players -> views.of(game, players));
        });
    }

    /** Drafts only: a published game is archived, never deleted. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String slug) {
        return access.lockManaged(caller, slug).chain(game -> {
            Transition.DELETE.from(game.status());
            return games.playerIds(game.id).call(players -> events.deleted(game, players, caller.id()))
                    .chain(players -> games.delete(game)).chain(() -> games.flush());
        });
    }

    /**
     * A report to the admins by the gm, a registered player or an admin. The message and reporter are kept for the
     * admins; the event names neither, so the reporter stays hidden from the gm.
     */
    @WithTransaction
    public Uni<Void> alert(Caller caller, String slug, String message) {
        if (caller.anonymous()) {
            return Uni.createFrom().failure(GameAccess.unauthenticated());
        }
        return access.lockVisible(caller, slug).chain(game -> games.playerIds(game.id).chain(players -> {
            if (!GamePermissions.manages(caller, game) && !players.contains(caller.id())) {
                throw ApiException.forbidden("Seuls le·a MJ, les joueur·euses inscrit·es et les admins peuvent "
                        + "signaler cette partie.");
            }
            return games.saveAlert(game.id, caller.id(), message.trim()).chain(() -> events.alerted(game, players));
        }));
    }

    // Helpers

    /** The gm of a new game: the caller, or for an admin, the gm they name. */
    private Uni<KnownUser> gmOf(Caller caller, String requestedGmId) {
        if (requestedGmId == null || requestedGmId.equals(caller.id())) {
            return Uni.createFrom().item(new KnownUser(caller.id(), caller.username(), caller.username(), List.of(),
                    false, false, null));
        }
        if (!caller.admin()) {
            return Uni.createFrom().failure(ApiException.forbidden("Only an admin can post a game for another gm."));
        }
        return namedGm(requestedGmId);
    }

    private Uni<KnownUser> namedGm(String gmId) {
        return users.find(gmId).map(found -> {
            KnownUser gm = found.orElseThrow(() -> ApiException.invalid("gm_id", "unknown user " + gmId));
            if (Role.highest(gm.roles()).map(r -> !r.atLeast(Role.GM)).orElse(true)) {
                throw ApiException.invalid("gm_id", "this user is not a gm");
            }
            return gm;
        });
    }

    /** The gm's username for a slug: the caller's token when they are the gm, else the users projection. */
    private Uni<String> gmUsername(String gmId, Caller caller) {
        if (gmId.equals(caller.id())) {
            return Uni.createFrom().item(caller.username());
        }
        return users.find(gmId).map(u -> u.map(k -> k.username() != null ? k.username() : k.name()).orElse(gmId));
    }

    private Uni<String> freeSlug(String base, Long exceptGameId) {
        return games.slugsStartingWith(Slugs.stem(base), exceptGameId).map(taken -> Slugs.firstFree(base, taken));
    }
}
