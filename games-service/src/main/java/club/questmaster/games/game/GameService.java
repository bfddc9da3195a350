package club.questmaster.games.game;

import club.questmaster.games.events.GameEvents;
import club.questmaster.games.game.GameStatus.Transition;
import club.questmaster.games.game.GameView.SessionView;
import club.questmaster.games.reference.ReferenceService;
import club.questmaster.games.session.GameSession;
import club.questmaster.games.session.SessionRepository;
import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.security.KnownUser;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.security.UserDirectory;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.platform.web.PageRequest;
import club.questmaster.platform.web.PageResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Games: creation, edition, the lifecycle state machine and reads. Every write method locks the game row first
 * and writes its events in the same transaction (see {@link GameEvents}).
 */
@ApplicationScoped
public class GameService {

    private final GameRepository games;
    private final SessionRepository sessions;
    private final ReferenceService references;
    private final UserDirectory users;
    private final GameEvents events;
    private final ObjectMapper json;
    private final Validator validator;

    public GameService(GameRepository games, SessionRepository sessions, ReferenceService references,
            UserDirectory users, GameEvents events, ObjectMapper json, Validator validator) {
        this.games = games;
        this.sessions = sessions;
        this.references = references;
        this.users = users;
        this.events = events;
        this.json = json;
        this.validator = validator;
    }

    // Reads

    @WithSession
    public Uni<GameView> get(Actor actor, String slug) {
        return visible(actor, slug).chain(this::view);
    }

    @WithSession
    public Uni<PageResult<GameView>> list(GameQuery query, PageRequest page) {
        return games.search(query, page.offset(), page.perPage(), OffsetDateTime.now())
                .chain(found -> views(found.ids()).map(items -> PageResult.of(items, found.total(), page)));
    }

    /** A game the actor may see (drafts: its gm and admins), else 404. */
    public Uni<Game> visible(Actor actor, String slug) {
        return games.findBySlug(slug).map(game -> {
            if (game == null || !actor.sees(game)) {
                throw notFound(slug);
            }
            return game;
        });
    }

    public Uni<GameView> view(Game game) {
        return games.playerIds(game.id).chain(players -> sessions.ofGame(game.id)
                .map(list -> GameView.of(game, players, list.stream().map(SessionRepository::view).toList())));
    }

    /** Views of many games, in the given order, with three queries whatever their number. */
    private Uni<List<GameView>> views(List<Long> ids) {
        return games.findByIds(ids).chain(found -> games.playerIds(ids).chain(players -> sessions.ofGames(ids)
                .map(byGame -> {
                    Map<Long, Game> byId = found.stream().collect(java.util.stream.Collectors.toMap(g -> g.id,
                            Function.identity()));
                    return ids.stream().map(byId::get).filter(Objects::nonNull)
                            .map(g -> GameView.of(g, players.getOrDefault(g.id, List.of()),
                                    byGame.getOrDefault(g.id, List.<SessionView>of())))
                            .toList();
                })));
    }

    // Writes

    @WithTransaction
    public Uni<GameView> create(Actor actor, GameInput input) {
        actor.require(Role.GM);
        GameRules.check(input);
        return gmOf(actor, input.gmId()).chain(gm -> references
                .requireReferences(input.systemId(), input.vttId(), input.specialEventId())
                .chain(() -> freeSlug(Slugs.base(input.name(), gm.username()), null))
                .chain(slug -> {
                    Game game = new Game();
                    game.slug = slug;
                    game.gmId = gm.id();
                    game.status(GameStatus.DRAFT, null);
                    apply(game, input);
                    game.createdAt = OffsetDateTime.now();
                    game.updatedAt = game.createdAt;
                    return games.persistAndFlush(game);
                }))
                .call(game -> events.created(game, List.of(), actor.id()))
                .chain(this::view);
    }

    /**
     * Partial update: the body is merged over the current values and the result validated like a creation.
     * {@code name}, {@code type} and {@code special_event_id} change only while the game is a draft; renaming a
     * draft regenerates its slug (a published game keeps it forever).
     */
    @WithTransaction
    public Uni<GameView> update(Actor actor, String slug, ObjectNode patch) {
        return managed(actor, slug).chain(game -> {
            GameInput merged = merge(game, patch);
            GameRules.check(merged);
            boolean draft = game.status() == GameStatus.DRAFT;
            boolean renamed = !merged.name().trim().equals(game.name);
            if (!draft && (renamed || !merged.type().equals(game.type)
                    || !Objects.equals(merged.specialEventId(), game.specialEventId))) {
                throw new ApiException(ErrorCode.INVALID_TRANSITION,
                        "name, type and special_event_id can only change while the game is a draft.");
            }
            boolean gmChanged = !merged.gmId().equals(game.gmId);
            if (gmChanged && !actor.admin()) {
                throw ApiException.forbidden("Only an admin can hand a game to another gm.");
            }
            Uni<KnownUser> gm = gmChanged ? namedGm(merged.gmId()) : Uni.createFrom().nullItem();
            return gm.chain(newGm -> references.requireReferences(merged.systemId(), merged.vttId(),
                            merged.specialEventId())
                    .chain(() -> {
                        if (draft && renamed) {
                            String username = newGm != null ? newGm.username() : null;
                            return (username != null ? Uni.createFrom().item(username) : gmUsername(game.gmId, actor))
                                    .chain(u -> freeSlug(Slugs.base(merged.name(), u), game.id));
                        }
                        return Uni.createFrom().item(game.slug);
                    })
                    .chain(newSlug -> {
                        game.slug = newSlug;
                        game.gmId = merged.gmId();
                        apply(game, merged);
                        game.updatedAt = OffsetDateTime.now();
                        return games.flush();
                    }))
                    .chain(() -> games.playerIds(game.id))
                    .call(players -> events.edited(game, players, actor.id()))
                    .chain(players -> view(game));
        });
    }

    /**
     * draft → open (or closed when silent), creating the first session from {@code date} and {@code session_length}
     * (as the original, no session event: the published event carries it).
     */
    @WithTransaction
    public Uni<GameView> publish(Actor actor, String slug, boolean silent, boolean confirmPastDate) {
        return managed(actor, slug).chain(game -> games.playerIds(game.id).chain(players -> {
            if (game.status() != GameStatus.DRAFT) {
                throw new ApiException(ErrorCode.ALREADY_PUBLISHED, "L'annonce est déjà publiée.");
            }
            if (players.size() >= game.partySize) {
                throw new ApiException(ErrorCode.GAME_FULL, "Impossible de publier une partie complète.");
            }
            if (game.date.isBefore(OffsetDateTime.now()) && !confirmPastDate) {
                throw new ApiException(ErrorCode.PAST_DATE,
                        "La date de la partie est passée : confirmez la publication (confirm_past_date).");
            }
            Transition move = silent ? Transition.PUBLISH_SILENT : Transition.PUBLISH;
            game.status(move.from(game.status()), ClosedReason.MANUAL);
            game.updatedAt = OffsetDateTime.now();
            OffsetDateTime end = game.date.plusMinutes(game.sessionLength.multiply(BigDecimal.valueOf(60)).longValue());
            GameSession first = new GameSession(game.id, game.date, end);
            return sessions.persistAndFlush(first)
                    .call(s -> events.published(game, players, actor.id(), silent,
                            new GameEventData.Session(Long.toString(s.id), s.startsAt, s.endsAt)))
                    .chain(s -> view(game));
        }));
    }

    @WithTransaction
    public Uni<GameView> close(Actor actor, String slug) {
        return managed(actor, slug).chain(game -> {
            game.status(Transition.CLOSE.from(game.status()), ClosedReason.MANUAL);
            game.updatedAt = OffsetDateTime.now();
            return games.playerIds(game.id).call(players -> events.closed(game, players, actor.id()))
                    .chain(players -> view(game));
        });
    }

    @WithTransaction
    public Uni<GameView> reopen(Actor actor, String slug) {
        return managed(actor, slug).chain(game -> {
            game.status(Transition.REOPEN.from(game.status()), null);
            game.updatedAt = OffsetDateTime.now();
            return games.playerIds(game.id).call(players -> events.reopened(game, players, actor.id()))
                    .chain(players -> view(game));
        });
    }

    /** Idempotent: archiving an archived game answers the game and emits nothing (no double awards). */
    @WithTransaction
    public Uni<GameView> archive(Actor actor, String slug, boolean awardTrophies) {
        return managed(actor, slug).chain(game -> {
            if (game.status() == GameStatus.ARCHIVED) {
                return view(game);
            }
            game.status(Transition.ARCHIVE.from(game.status()), null);
            game.updatedAt = OffsetDateTime.now();
            return games.playerIds(game.id).call(players -> events.archived(game, players, actor.id(), awardTrophies))
                    .chain(players -> view(game));
        });
    }

    /** Drafts only: a published game is archived, never deleted. */
    @WithTransaction
    public Uni<Void> delete(Actor actor, String slug) {
        return managed(actor, slug).chain(game -> {
            Transition.DELETE.from(game.status());
            return games.playerIds(game.id).call(players -> events.deleted(game, players, actor.id()))
                    .chain(players -> games.delete(game)).chain(() -> games.flush());
        });
    }

    /**
     * A report to the admins by the gm, a registered player or an admin. The message and reporter are kept for the
     * admins; the event names neither, so the reporter stays hidden from the gm.
     */
    @WithTransaction
    public Uni<Void> alert(Actor actor, String slug, String message) {
        if (actor.anonymous()) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.UNAUTHENTICATED,
                    "A valid bearer token is required."));
        }
        return games.lockBySlug(slug).chain(game -> {
            if (game == null || !actor.sees(game)) {
                throw notFound(slug);
            }
            return games.playerIds(game.id).chain(players -> {
                if (!actor.manages(game) && !players.contains(actor.id())) {
                    throw ApiException.forbidden("Seuls le·a MJ, les joueur·euses inscrit·es et les admins peuvent "
                            + "signaler cette partie.");
                }
                return games.saveAlert(game.id, actor.id(), message.trim())
                        .chain(() -> events.alerted(game, players));
            });
        });
    }

    /** The game locked for a change by its gm or an admin: 404 when unknown or invisible, 403 otherwise. */
    public Uni<Game> managed(Actor actor, String slug) {
        if (actor.anonymous()) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.UNAUTHENTICATED,
                    "A valid bearer token is required."));
        }
        return games.lockBySlug(slug).map(game -> {
            if (game == null || !actor.sees(game)) {
                throw notFound(slug);
            }
            if (!actor.manages(game)) {
                throw ApiException.forbidden("Vous n'êtes pas autorisé·e à faire cette action.");
            }
            return game;
        });
    }

    public static ApiException notFound(String slug) {
        return ApiException.notFound("Aucune annonce « " + slug + " ».");
    }

    // Helpers

    /** The gm of a new game: the caller, or for an admin, the gm they name. */
    private Uni<KnownUser> gmOf(Actor actor, String requestedGmId) {
        if (requestedGmId == null || requestedGmId.equals(actor.id())) {
            return Uni.createFrom().item(new KnownUser(actor.id(), actor.username(), actor.username(), List.of(),
                    false, false, null));
        }
        if (!actor.admin()) {
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
    private Uni<String> gmUsername(String gmId, Actor actor) {
        if (gmId.equals(actor.id())) {
            return Uni.createFrom().item(actor.username());
        }
        return users.find(gmId).map(u -> u.map(k -> k.username() != null ? k.username() : k.name()).orElse(gmId));
    }

    private Uni<String> freeSlug(String base, Long exceptGameId) {
        return games.slugsStartingWith(Slugs.stem(base), exceptGameId).map(taken -> Slugs.firstFree(base, taken));
    }

    private GameInput merge(Game game, ObjectNode patch) {
        ObjectNode current = json.valueToTree(toInput(game));
        current.setAll(patch);
        GameInput merged;
        try {
            merged = json.treeToValue(current, GameInput.class);
        } catch (JsonProcessingException e) {
            throw rejected(e);
        }
        Set<ConstraintViolation<GameInput>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return merged;
    }

    private static GameInput toInput(Game g) {
        return new GameInput(g.name, g.type, g.length, g.gmId, g.systemId, g.vttId, g.description, g.restriction,
                g.restrictionTags, g.partySize, g.partySelection, g.xp, g.date, g.sessionLength, g.frequency,
                g.characters, g.classification, g.ambience == null ? null : List.of(g.ambience), g.complement, g.img,
                g.specialEventId);
    }

    private static void apply(Game game, GameInput in) {
        game.name = in.name().trim();
        game.type = in.type();
        game.length = GameRules.blankToNull(in.length());
        game.systemId = in.systemId();
        game.vttId = in.vttId();
        game.description = in.description();
        game.restriction = in.restriction() == null ? "all" : in.restriction();
        game.restrictionTags = GameRules.blankToNull(in.restrictionTags());
        game.partySize = in.partySize() == null ? 4 : in.partySize();
        game.partySelection = Boolean.TRUE.equals(in.partySelection());
        game.xp = in.xp() == null ? "all" : in.xp();
        game.date = in.date();
        game.sessionLength = in.sessionLength();
        game.frequency = in.frequency();
        game.characters = in.characters();
        game.classification = in.classification() == null || in.classification().isEmpty() ? null
                : Map.copyOf(in.classification());
        game.ambience = GameRules.ambience(in.ambience());
        game.complement = GameRules.blankToNull(in.complement());
        game.img = GameRules.blankToNull(in.img());
        game.specialEventId = in.specialEventId();
    }

    /** A PATCH body Jackson could not bind (unknown field, wrong type): 400 naming the field. */
    private static ApiException rejected(JsonProcessingException e) {
        String field = "";
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (var ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        String reason = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                ? "unknown field" : "wrong type or value";
        return field.isEmpty() ? new ApiException(ErrorCode.VALIDATION_ERROR, "The request body is invalid.")
                : ApiException.invalid(field, reason);
    }
}
