package club.questmaster.games.seat;

import club.questmaster.platform.security.Caller;
import club.questmaster.games.game.GamePermissions;
import club.questmaster.games.game.GameAccess;
import club.questmaster.games.game.GameView;
import club.questmaster.games.users.ProjectedUsers;
import club.questmaster.platform.security.KnownUser;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.CommunityTime;
import club.questmaster.platform.web.ErrorCode;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Seats: a player's own registration and departure, and the gm adding or removing players (rules in
 * {@link SeatRules}, shared write steps in {@link Seating}).
 *
 * <p>Safe under any concurrency without a table-wide lock: each transaction locks its game row (SELECT … FOR UPDATE),
 * so the roster and queue it reads, once, are the ones it commits against; N simultaneous requests for K free seats
 * give exactly K successes, and a freed seat is offered to exactly one player in line.
 */
@ApplicationScoped
public class SeatService {

    private final GameAccess access;
    private final Seating seating;
    private final ProjectedUsers users;
    private final ZoneId zone;
    private final Pool pool;

    public SeatService(GameAccess access, Seating seating, ProjectedUsers users, CommunityTime time, Pool pool) {
        this.access = access;
        this.seating = seating;
        this.users = users;
        this.zone = time.zone();
        this.pool = pool;
    }

    /**
     * The hot path (docs/performance.md, P1): one transaction on one connection of the reactive pool, with no
     * Hibernate session (see {@link #register(SqlConnection, Caller, String)}).
     */
    public Uni<GameView> register(Caller caller, String slug) {
        GamePermissions.require(caller, Role.PLAYER);
        return pool.withTransaction(connection -> register(connection, caller, slug));
    }

    /**
     * The registration's statements on {@code connection}, inside its transaction: the game locked, its seats and
     * sessions in one statement, the player's row and the event's row (and, when that was the last seat, the
     * automatic close and its event); the answer is built from the state, with no query after the write.
     */
    Uni<GameView> register(SqlConnection connection, Caller caller, String slug) {
        return access.lockVisible(connection, caller, slug)
                .chain(game -> seating.of(connection, game))
                .map(state -> {
                    SeatRules.checkRegistration(state.game(), state.players(), state.queue(), caller.id(),
                            OffsetDateTime.now(), zone);
                    return state;
                })
                .chain(state -> seating.take(state, caller.id(), false))
                .call(state -> state.writes().completed())
                .map(SeatService::view);
    }

    /** The gm or an admin adds a known player, bypassing seats, status and opening time (not on finished games). */
    @WithTransaction
    public Uni<GameView> add(Caller caller, String slug, String userId) {
        return access.lockManaged(caller, slug).chain(game -> {
            SeatRules.checkPlayersManageable(game);
            return users.find(userId).chain(found -> {
                KnownUser user = found.orElseThrow(() -> ApiException.notFound("Utilisateur·rice inconnu·e."));
                if (!user.isPlayer() || user.banned()) {
                    throw ApiException.invalid("user_id", "Cette personne n'est pas un·e joueur·euse sur le Discord");
                }
                return seating.of(game);
            });
        }).chain(state -> {
            SeatRules.checkAdd(state.game(), state.players(), userId);
            return seating.take(state, userId, true);
        }).map(SeatService::view);
    }

    /**
     * The player leaves: 409 NOT_REGISTERED when they were not in. On the reactive pool like the registration: the
     * freed seat's offer or promotion and an automatic reopen are written on the same connection.
     */
    public Uni<Void> leave(Caller caller, String slug) {
        GamePermissions.require(caller, Role.PLAYER);
        return pool.withTransaction(connection -> access.lockVisible(connection, caller, slug)
                .chain(game -> {
                    SeatRules.checkPlayersManageable(game);
                    return seating.of(connection, game);
                })
                .chain(state -> unseat(state, caller.id(), "Vous n'êtes pas inscrit·e à cette partie.")
                        .chain(() -> state.writes().completed())));
    }

    @WithTransaction
    public Uni<Void> remove(Caller caller, String slug, String userId) {
        return access.lockManaged(caller, slug).chain(game -> {
            SeatRules.checkPlayersManageable(game);
            return seating.of(game);
        }).chain(state -> unseat(state, userId, "Cette personne n'est pas inscrite à cette partie."));
    }

    private Uni<Void> unseat(SeatState state, String playerId, String notRegistered) {
        if (!state.players().contains(playerId)) {
            throw new ApiException(ErrorCode.NOT_REGISTERED, notRegistered);
        }
        return seating.free(state, playerId).replaceWithVoid();
    }

    /** The game as the transaction leaves it, from its state: nothing is read again. */
    private static GameView view(SeatState state) {
        return GameView.of(state.game(), state.players(), state.sessions(), state.queueCounts());
    }
}
