package club.questmaster.games.seat;

import club.questmaster.games.events.GameEvents;
import club.questmaster.games.game.Actor;
import club.questmaster.games.game.ClosedReason;
import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameRepository;
import club.questmaster.games.game.GameService;
import club.questmaster.games.game.GameStatus;
import club.questmaster.games.game.GameView;
import club.questmaster.platform.security.KnownUser;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.security.UserDirectory;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Seats: a player's own registration and departure, and the gm adding or removing players (questmaster.md §3).
 *
 * <p>Safe under any concurrency without a table-wide lock: each transaction locks its game row (SELECT … FOR UPDATE),
 * so the seat count it reads is the one it commits against; N simultaneous requests for K free seats give exactly
 * K successes. The auto-close (last seat taken) and auto-reopen (a seat freed on an auto-closed game) happen in the
 * same transaction, and only an automatic close is ever undone: a game closed by hand stays closed.
 */
@ApplicationScoped
public class SeatService {

    private final GameRepository games;
    private final GameService gameService;
    private final UserDirectory users;
    private final GameEvents events;

    public SeatService(GameRepository games, GameService gameService, UserDirectory users, GameEvents events) {
        this.games = games;
        this.gameService = gameService;
        this.users = users;
        this.events = events;
    }

    /**
     * The original's order of checks: own game, then already registered, full, closed. With party_selection the
     * registration is an application: it bypasses the capacity and closed checks and never auto-closes.
     */
    @WithTransaction
    public Uni<GameView> register(Actor actor, String slug) {
        actor.require(Role.PLAYER);
        return lockVisible(actor, slug).chain(game -> {
            if (actor.id().equals(game.gmId)) {
                throw ApiException.forbidden("Vous ne pouvez pas vous inscrire à votre propre partie.");
            }
            if (game.status() == GameStatus.DRAFT || game.status() == GameStatus.ARCHIVED) {
                throw new ApiException(ErrorCode.GAME_CLOSED, "La partie est fermée aux inscriptions.");
            }
            return games.playerIds(game.id).chain(players -> {
                if (players.contains(actor.id())) {
                    throw new ApiException(ErrorCode.DUPLICATE_REGISTRATION,
                            "Vous êtes déjà inscrit·e à cette partie.");
                }
                if (!game.partySelection && players.size() >= game.partySize) {
                    throw new ApiException(ErrorCode.GAME_FULL, "La partie est complète.");
                }
                if (!game.partySelection && game.status() == GameStatus.CLOSED) {
                    throw new ApiException(ErrorCode.GAME_CLOSED, "La partie est fermée aux inscriptions.");
                }
                return seat(game, players, actor.id(), false);
            });
        });
    }

    /** The gm or an admin adds a known player, bypassing the seat and status checks (not on archived games). */
    @WithTransaction
    public Uni<GameView> add(Actor actor, String slug, String userId) {
        return gameService.managed(actor, slug).chain(game -> {
            requireNotArchived(game);
            return users.find(userId).chain(found -> {
                KnownUser user = found.orElseThrow(() -> ApiException.notFound("Utilisateur·rice inconnu·e."));
                if (!user.isPlayer() || user.banned()) {
                    throw ApiException.invalid("user_id", "Cette personne n'est pas un·e joueur·euse sur le Discord");
                }
                if (userId.equals(game.gmId)) {
                    throw ApiException.invalid("user_id", "Le·a MJ ne peut pas être joueur·euse de sa partie.");
                }
                return games.playerIds(game.id).chain(players -> {
                    if (players.contains(userId)) {
                        throw new ApiException(ErrorCode.DUPLICATE_REGISTRATION,
                                "Cette personne est déjà inscrite à cette partie.");
                    }
                    return seat(game, players, userId, true);
                });
            });
        });
    }

    /** The player leaves: 409 NOT_REGISTERED when they were not in. */
    @WithTransaction
    public Uni<Void> leave(Actor actor, String slug) {
        actor.require(Role.PLAYER);
        return lockVisible(actor, slug).chain(game -> unseat(game, actor.id(),
                "Vous n'êtes pas inscrit·e à cette partie."));
    }

    @WithTransaction
    public Uni<Void> remove(Actor actor, String slug, String userId) {
        return gameService.managed(actor, slug).chain(game -> unseat(game, userId,
                "Cette personne n'est pas inscrite à cette partie."));
    }

    private Uni<GameView> seat(Game game, List<String> before, String playerId, boolean byGm) {
        return games.addPlayer(game.id, playerId).chain(added -> {
            List<String> players = new ArrayList<>(before);
            players.add(playerId);
            Uni<Void> written = events.registered(game, players, playerId, byGm);
            if (!game.partySelection && game.status() == GameStatus.OPEN && players.size() >= game.partySize) {
                game.status(GameStatus.CLOSED, ClosedReason.AUTO);
                game.updatedAt = OffsetDateTime.now();
                written = written.chain(() -> events.autoClosed(game, players));
            }
            return written.chain(() -> gameService.view(game));
        });
    }

    private Uni<Void> unseat(Game game, String playerId, String notRegistered) {
        requireNotArchived(game);
        return games.removePlayer(game.id, playerId).chain(removed -> {
            if (!removed) {
                throw new ApiException(ErrorCode.NOT_REGISTERED, notRegistered);
            }
            return games.playerIds(game.id);
        }).chain(players -> {
            Uni<Void> written = events.unregistered(game, players, playerId);
            if (game.autoClosed() && !game.partySelection && players.size() < game.partySize) {
                game.status(GameStatus.OPEN, null);
                game.updatedAt = OffsetDateTime.now();
                written = written.chain(() -> events.autoReopened(game, players));
            }
            return written;
        });
    }

    private Uni<Game> lockVisible(Actor actor, String slug) {
        return games.lockBySlug(slug).map(game -> {
            if (game == null || !actor.sees(game)) {
                throw GameService.notFound(slug);
            }
            return game;
        });
    }

    private static void requireNotArchived(Game game) {
        if (game.status() == GameStatus.ARCHIVED) {
            throw new ApiException(ErrorCode.GAME_CLOSED, "Impossible de gérer les joueur·euses d'une partie archivée.");
        }
    }
}
