package club.questmaster.games.session;

import club.questmaster.games.game.Game;
import club.questmaster.games.game.GameRules;
import club.questmaster.games.game.GameStatus;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.platform.web.Problem;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The session rules (docs/original-rules.md#sessions): start strictly before end, at most 24 h, no overlap with another session of
 * the same game (back-to-back is fine), none on a draft or a finished (archived, cancelled) game, at most 50 per
 * game. Pure: the caller passes the game's sessions.
 */
public final class SessionRules {

    static final Duration MAX_DURATION = Duration.ofHours(24);
    /** Contract §6 "Bounds": at most this many sessions per game. */
    public static final int MAX_SESSIONS_PER_GAME = 50;

    private SessionRules() {
    }

    /**
     * A new or edited span against the game's other sessions ({@code editedId}: the session being edited, null for
     * a new one, which must also fit under {@link #MAX_SESSIONS_PER_GAME}).
     */
    public static void check(Game game, OffsetDateTime start, OffsetDateTime end, Collection<GameSession> existing,
            Long editedId) {
        checkWritable(game);
        if (editedId == null && existing.size() >= MAX_SESSIONS_PER_GAME) {
            throw new ApiException(ErrorCode.LIMIT_REACHED,
                    "Une annonce compte au plus " + MAX_SESSIONS_PER_GAME + " sessions.");
        }
        checkSpan(start, end);
        boolean overlaps = existing.stream()
                .filter(s -> !Objects.equals(s.id, editedId))
                .anyMatch(s -> overlap(start, end, s.startsAt, s.endsAt));
        if (overlaps) {
            throw new ApiException(ErrorCode.SESSION_CONFLICT,
                    "La session chevauche une session existante de cette annonce.");
        }
    }

    /** Sessions are written on published games only, and no longer once the game is archived or cancelled. */
    public static void checkWritable(Game game) {
        if (game.status() == GameStatus.DRAFT) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION,
                    "Impossible d'ajouter une session à un brouillon. Publiez d'abord l'annonce.");
        }
        GameRules.checkNotFinished(game);
    }

    static void checkSpan(OffsetDateTime start, OffsetDateTime end) {
        if (!validSpan(start, end)) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "Dates de session invalides : la fin doit suivre le "
                    + "début et la session ne peut excéder 24 heures.",
                    List.of(new Problem.FieldError("end", "must be after start and at most 24 hours later")), null);
        }
    }

    /** A session's span: start strictly before end, at most 24 h (also the rule for a poll's candidate sessions). */
    public static boolean validSpan(OffsetDateTime start, OffsetDateTime end) {
        return start.isBefore(end) && Duration.between(start, end).compareTo(MAX_DURATION) <= 0;
    }

    /** The original's overlap: not (end ≤ other.start or start ≥ other.end); sharing an instant is back-to-back. */
    static boolean overlap(OffsetDateTime start, OffsetDateTime end, OffsetDateTime otherStart,
            OffsetDateTime otherEnd) {
        return start.isBefore(otherEnd) && end.isAfter(otherStart);
    }
}
