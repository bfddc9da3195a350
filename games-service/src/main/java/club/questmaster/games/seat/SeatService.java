package club.questmaster.games.seat;

import club.questmaster.games.events.GameEvents;
import club.questmaster.games.game.Actor;
import club.questmaster.games.game.ClosedReason;
import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameAccess;
import club.questmaster.games.game.GameRepository;
import club.questmaster.games.game.GameStatus;
import club.questmaster.games.game.GameView;
import club.questmaster.games.game.GameViews;
import club.questmaster.games.users.ProjectedUsers;
import club.questmaster.platform.security.KnownUser;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Seats: a player's own registration and departure, and the gm adding or removing players (rules in
 * {@link SeatRules}).
 *
 * <p>Safe under any concurrency without a table-wide lock: each transaction locks its game row (SELECT … FOR UPDATE),
 * so the roster it reads, once, is the one it commits against; N simultaneous requests for K free seats give exactly
 * K successes. The auto-close and auto-reopen happen in the same transaction.
 */
@ApplicationScoped
public class SeatService {

    private final GameRepository games;
    private final GameAccess access;
    private final GameViews views;
    private final ProjectedUsers users;
    private final GameEvents events;

    public SeatService(GameRepository games, GameAccess access, GameViews views, ProjectedUsers users,
            GameEvents events) {
        this.games = games;
        this.access = access;
        this.views = views;
        this.users = users;
        this.events = events;
    }

    @WithTransaction
    public Uni<GameView> register(Actor actor, String slug) {
        actor.require(Role.PLAYER);
        return access.lockVisible(actor, slug).chain(game -> games.playerIds(game.id).chain(players -> {
            SeatRules.checkRegistration(game, players, actor.id());
            return seat(game, players, actor.id(), false);
        }));
    }

    /** The gm or an admin adds a known player, bypassing the seat and status checks (not on archived games). */
    @WithTransaction
    public Uni<GameView> add(Actor actor, String slug, String userId) {
        return access.lockManaged(actor, slug).chain(game -> {
            SeatRules.checkPlayersManageable(game);
            return users.find(userId).chain(found -> {
                KnownUser user = found.orElseThrow(() -> ApiException.notFound("Utilisateur·rice inconnu·e."));
                if (!user.isPlayer() || user.banned()) {
                    throw ApiException.invalid("user_id", "Cette personne n'est pas un·e joueur·euse sur le Discord");
                }
                return games.playerIds(game.id).chain(players -> {
                    SeatRules.checkAdd(game, players, userId);
                    return seat(game, players, userId, true);
                });
            });
        });
    }

    /** The player leaves: 409 NOT_REGISTERED when they were not in. */
    @WithTransaction
    public Uni<Void> leave(Actor actor, String slug) {
        actor.require(Role.PLAYER);
        return access.lockVisible(actor, slug).chain(game -> unseat(game, actor.id(),
                "Vous n'êtes pas inscrit·e à cette partie."));
    }

    @WithTransaction
    public Uni<Void> remove(Actor actor, String slug, String userId) {
        return access.lockManaged(actor, slug).chain(game -> unseat(game, userId,
                "Cette personne n'est pas inscrite à cette partie."));
    }

    private Uni<GameView> seat(Game game, List<String> before, String playerId, boolean byGm) {
        List<String> players = new ArrayList<>(before);
        players.add(playerId);
        return games.addPlayer(game.id, playerId).chain(() -> {
            Uni<Void> written = events.registered(game, players, playerId, byGm);
            if (SeatRules.closesAutomatically(game, players.size())) {
                game.status(GameStatus.CLOSED, ClosedReason.AUTO);
                game.updatedAt = OffsetDateTime.now();
                written = written.chain(() -> events.autoClosed(game, players));
            }
            return written.chain(() -> views.of(game, players));
        });
    }

    private Uni<Void> unseat(Game game, String playerId, String notRegistered) {
        SeatRules.checkPlayersManageable(game);
        return games.playerIds(game.id).chain(before -> {
            if (!before.contains(playerId)) {
                throw new ApiException(ErrorCode.NOT_REGISTERED, notRegistered);
            }
            List<String> players = new ArrayList<>(before);
            players.remove(playerId);
            return games.removePlayer(game.id, playerId).chain(() -> {
                Uni<Void> written = events.unregistered(game, players, playerId);
                if (SeatRules.reopensAutomatically(game, players.size())) {
                    game.status(GameStatus.OPEN, null);
                    game.updatedAt = OffsetDateTime.now();
                    written = written.chain(() -> events.autoReopened(game, players));
                }
                return written;
            });
        });
    }
}
