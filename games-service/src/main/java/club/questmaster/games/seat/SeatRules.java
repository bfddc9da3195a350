package club.questmaster.games.seat;

import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameStatus;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who may take a seat or a place in the queue, when a freed seat is offered, and when a game closes or reopens by
 * itself (docs/original-rules.md#registration, contract §7). Pure: the callers pass the game as locked in their transaction, its
 * roster and its queue as read there, and the time.
 *
 * <p>A seat held by an offer is not free: {@code seats_left = party_size − players − offers}. A game is full when no
 * seat is left; only then may players queue, and a freed seat goes to the queue before anyone else.
 */
public final class SeatRules {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("EEE dd/MM 'à' HH'h'mm", Locale.FRENCH);

    private SeatRules() {
    }

    public static int seatsLeft(Game game, List<String> players, List<WaitlistEntry> queue) {
        return seatsLeft(game.partySize, players.size(), (int) queue.stream().filter(WaitlistEntry::offered).count());
    }

    /** Seats neither taken nor held by an offer (never negative: a gm may seat players beyond the size). */
    public static int seatsLeft(int partySize, int players, int offers) {
        return Math.max(0, partySize - players - offers);
    }

    /**
     * A player's own registration, in the original's order of checks: own game, registration closed (draft,
     * archived, cancelled), already registered, not open yet, full, closed. With {@code party_selection} the
     * registration is an application: capacity does not stop it, but a closed game takes none.
     */
    public static void checkRegistration(Game game, List<String> players, List<WaitlistEntry> queue, String playerId,
            OffsetDateTime now, ZoneId zone) {
        if (playerId.equals(game.gmId)) {
            throw ApiException.forbidden("Vous ne pouvez pas vous inscrire à votre propre partie.");
        }
        if (game.status() == GameStatus.DRAFT || game.status().finished()) {
            throw closed();
        }
        if (players.contains(playerId)) {
            throw new ApiException(ErrorCode.DUPLICATE_REGISTRATION, "Vous êtes déjà inscrit·e à cette partie.");
        }
        if (game.registrationOpensAt != null && now.isBefore(game.registrationOpensAt)) {
            throw new ApiException(ErrorCode.REGISTRATION_NOT_OPEN, "Les inscriptions ouvrent le "
                    + HUMAN.format(game.registrationOpensAt.atZoneSameInstant(zone)) + ".");
        }
        if (!game.partySelection && seatsLeft(game, players, queue) == 0) {
            throw new ApiException(ErrorCode.GAME_FULL, "La partie est complète.");
        }
        if (game.status() == GameStatus.CLOSED) {
            throw closed();
        }
    }

    /**
     * A place in the queue: on a full game with a waitlist (not {@code party_selection}, {@code waitlist_enabled}),
     * for a player who is neither its gm, nor registered, nor already queued. A game closed by hand takes no one.
     */
    public static void checkJoin(Game game, List<String> players, List<WaitlistEntry> queue, String playerId) {
        if (playerId.equals(game.gmId)) {
            throw ApiException.forbidden("Vous ne pouvez pas attendre une place à votre propre partie.");
        }
        if (game.status() == GameStatus.DRAFT || game.status().finished()
                || (game.status() == GameStatus.CLOSED && !game.autoClosed())) {
            throw closed();
        }
        if (game.partySelection || !game.waitlistEnabled) {
            throw new ApiException(ErrorCode.GAME_CLOSED, "Cette partie n'a pas de liste d'attente.");
        }
        if (players.contains(playerId) || queue.stream().anyMatch(e -> e.playerId().equals(playerId))) {
            throw new ApiException(ErrorCode.DUPLICATE_REGISTRATION,
                    "Vous êtes déjà inscrit·e ou en liste d'attente pour cette partie.");
        }
        if (seatsLeft(game, players, queue) > 0) {
            throw new ApiException(ErrorCode.WAITLIST_NOT_NEEDED,
                    "Il reste des places : inscrivez-vous directement.");
        }
    }

    /** The gm's own add bypasses seats, status and the opening time (see {@link #checkPlayersManageable}). */
    public static void checkAdd(Game game, List<String> players, String userId) {
        if (userId.equals(game.gmId)) {
            throw ApiException.invalid("user_id", "Le·a MJ ne peut pas être joueur·euse de sa partie.");
        }
        if (players.contains(userId)) {
            throw new ApiException(ErrorCode.DUPLICATE_REGISTRATION,
                    "Cette personne est déjà inscrite à cette partie.");
        }
    }

    /** Players are added and removed on any game but an archived or cancelled one. */
    public static void checkPlayersManageable(Game game) {
        if (game.status().finished()) {
            throw new ApiException(ErrorCode.GAME_CLOSED,
                    "Impossible de gérer les joueur·euses d'une partie " + (game.status() == GameStatus.ARCHIVED
                            ? "archivée." : "annulée."));
        }
    }

    /** What happens to the first in line when a seat is free. */
    public sealed interface Move {
        String playerId();
    }

    /** The seat is held for them until {@code until}. */
    public record Offer(String playerId, OffsetDateTime until) implements Move {
    }

    /** {@code waitlist_offer_hours} is 0: they are registered at once. */
    public record Promote(String playerId) implements Move {
    }

    /**
     * The moves that fill the free seats from the queue, first in line first: on an open or automatically closed
     * game (a game closed by hand keeps its seats until it is reopened) with a waitlist. {@code offerHour} is the
     * length of one of {@code waitlist_offer_hours} (an hour; shorter in tests).
     */
    public static List<Move> fillFromQueue(Game game, List<String> players, List<WaitlistEntry> queue,
            OffsetDateTime now, Duration offerHour) {
        List<Move> moves = new ArrayList<>();
        boolean takesSeats = game.status() == GameStatus.OPEN || game.autoClosed();
        if (!takesSeats || game.partySelection || !game.waitlistEnabled) {
            return moves;
        }
        int free = seatsLeft(game, players, queue);
        for (WaitlistEntry entry : queue) {
            if (free == 0) {
                break;
            }
            if (entry.offered()) {
                continue;
            }
            moves.add(game.waitlistOfferHours == 0 ? new Promote(entry.playerId())
                    : new Offer(entry.playerId(), now.plus(offerHour.multipliedBy(game.waitlistOfferHours))));
            free--;
        }
        return moves;
    }

    /** The offers past their deadline at {@code now}. */
    public static List<WaitlistEntry> expired(List<WaitlistEntry> queue, OffsetDateTime now) {
        return queue.stream().filter(e -> e.offered() && !e.offeredUntil().isAfter(now)).toList();
    }

    /** 1-based place of the player in the queue, 0 when not queued. */
    public static int position(List<WaitlistEntry> queue, String playerId) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).playerId().equals(playerId)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** No seat left (taken or held) on an open game: it closes itself (an application game never does). */
    public static boolean closesAutomatically(Game game, int seatsLeft) {
        return !game.partySelection && game.status() == GameStatus.OPEN && seatsLeft == 0;
    }

    /**
     * A game that closed itself when full reopens once a seat is free again (a game closed by hand stays closed), or
     * when it became an application game, whose capacity never closes it.
     */
    public static boolean reopensAutomatically(Game game, int seatsLeft) {
        return game.autoClosed() && (game.partySelection || seatsLeft > 0);
    }

    private static ApiException closed() {
        return new ApiException(ErrorCode.GAME_CLOSED, "La partie est fermée aux inscriptions.");
    }
}
