package club.questmaster.games.game;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of a game's fields and of its edition and publication that Bean Validation cannot express. Pure: no
 * database, no clock (the caller passes {@code now}).
 */
public final class GameRules {

    /** CLASSIFICATION_SCHEMA: exactly these four keys, each 0..2; null or empty is accepted. */
    static final Set<String> CLASSIFICATION_KEYS = Set.of("action", "investigation", "interaction", "horror");

    private GameRules() {
    }

    static void check(GameInput input) {
        Map<String, Integer> classification = input.classification();
        if (classification != null && !classification.isEmpty()) {
            boolean valid = classification.keySet().equals(CLASSIFICATION_KEYS)
                    && classification.values().stream().allMatch(v -> v != null && v >= 0 && v <= 2);
            if (!valid) {
                throw ApiException.invalid("classification", "Invalid classification format.");
            }
        }
        if (input.img() != null && !input.img().isBlank() && !isHttpUrl(input.img())) {
            throw ApiException.invalid("img", "must be an http(s) URL");
        }
        int partySize = input.partySize() == null ? 4 : input.partySize();
        if (input.minPlayers() != null && input.minPlayers() > partySize) {
            throw ApiException.invalid("min_players", "must be at most party_size (" + partySize + ")");
        }
        if (input.goNoGoAt() != null) {
            if (input.minPlayers() == null) {
                throw ApiException.invalid("go_no_go_at", "needs min_players");
            }
            if (!input.goNoGoAt().isBefore(input.date())) {
                throw ApiException.invalid("go_no_go_at", "must be before date");
            }
        }
    }

    /** What an accepted edit changes beyond plain fields. */
    record Edit(boolean renamed, boolean gmChanged) {
    }

    /**
     * {@code name}, {@code type} and {@code special_event_id} change only while the game is a draft (a published
     * game keeps its slug and its announcement); only an admin hands a game to another gm.
     */
    static Edit checkEdit(Game game, GameInput merged, boolean byAdmin) {
        checkNotFinished(game);
        check(merged);
        boolean renamed = !merged.name().trim().equals(game.name);
        if (game.status() != GameStatus.DRAFT && (renamed || !merged.type().equals(game.type)
                || !Objects.equals(merged.specialEventId(), game.specialEventId))) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION,
                    "name, type and special_event_id can only change while the game is a draft.");
        }
        boolean gmChanged = !merged.gmId().equals(game.gmId);
        if (gmChanged && !byAdmin) {
            throw ApiException.forbidden("Only an admin can hand a game to another gm.");
        }
        return new Edit(renamed, gmChanged);
    }

    /** Archived and cancelled games are read-only: no edit, no session change. */
    public static void checkNotFinished(Game game) {
        if (game.status().finished()) {
            throw new ApiException(ErrorCode.INVALID_TRANSITION, "Une annonce " + (game.status() == GameStatus.ARCHIVED
                    ? "archivée" : "annulée") + " ne peut plus être modifiée.");
        }
    }

    /**
     * Closing by hand: an open game, or one that closed itself when full, which becomes a manual close (it then
     * stays closed when a seat frees up).
     */
    static void closeByHand(Game game) {
        if (!game.autoClosed()) {
            GameStatus.Transition.CLOSE.from(game.status());
        }
        game.status(GameStatus.CLOSED, ClosedReason.MANUAL);
    }

    /** The original's publication checks, in its order: already published, full, date past unless confirmed. */
    static void checkPublishable(Game game, int players, OffsetDateTime now, boolean confirmPastDate) {
        if (game.status() != GameStatus.DRAFT) {
            throw new ApiException(ErrorCode.ALREADY_PUBLISHED, "L'annonce est déjà publiée.");
        }
        if (players >= game.partySize) {
            throw new ApiException(ErrorCode.GAME_FULL, "Impossible de publier une partie complète.");
        }
        if (game.date.isBefore(now) && !confirmPastDate) {
            throw new ApiException(ErrorCode.PAST_DATE,
                    "La date de la partie est passée : confirmez la publication (confirm_past_date).");
        }
    }

    /** The first session a publication creates: from {@code date}, {@code session_length} hours long. */
    static OffsetDateTime firstSessionEnd(Game game) {
        return game.date.plusMinutes(game.sessionLength.multiply(BigDecimal.valueOf(60)).longValue());
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Blank becomes null, as the original did for restriction_tags. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String[] ambience(List<String> values) {
        return values == null || values.isEmpty() ? null : new LinkedHashSet<>(values).toArray(String[]::new);
    }
}
